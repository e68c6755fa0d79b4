#include <gatehouse/gateway/models_endpoint.hpp>
#include <gatehouse/http/error_writer.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::gateway {
namespace {

std::string renderList(const ModelCatalog& catalog, std::int64_t created) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (const ModelListing& model : catalog.listing()) {
    writer.StartObject();
    writer.Key("id");
    writer.String(model.id.data(), static_cast<rapidjson::SizeType>(model.id.size()));
    writer.Key("object");
    writer.String("model");
    writer.Key("created");
    writer.Int64(created);
    writer.Key("owned_by");
    writer.String(model.ownedBy.data(), static_cast<rapidjson::SizeType>(model.ownedBy.size()));
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

ModelsEndpoint::ModelsEndpoint(const ModelCatalog& catalog, const Authenticator& authenticator,
                               std::int64_t created)
    : authenticator_(authenticator), body_(renderList(catalog, created)) {
}

void ModelsEndpoint::serve(http::IncomingRequest& request, http::ResponseSink& response) const {
  auto identity = authenticator_.authenticate(request.client, request.requestId);
  if (auto* error = std::get_if<http::ApiError>(&identity)) {
    http::sendError(response, *error);
    return;
  }
  response.send(200, "application/json", body_);
}

} // namespace gatehouse::gateway
