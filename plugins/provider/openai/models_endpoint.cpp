#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "endpoints.hpp"
#include "json_body.hpp"
#include "upstream_call.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::openai {
namespace {

// {"object":"list","data":[{"id","object":"model","created","owned_by"}]}: the upstream's
// ids and creation times; owned_by names this provider, which is who serves them here.
std::string modelList(const ProviderContext& context, const rapidjson::Value& data) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (const rapidjson::Value& model : data.GetArray()) {
    const std::string_view id = memberString(model, "id");
    if (id.empty()) {
      continue;
    }
    writer.StartObject();
    writer.Key("id");
    writer.String(id.data(), static_cast<rapidjson::SizeType>(id.size()));
    writer.Key("object");
    writer.String("model");
    writer.Key("created");
    writer.Int64(readCount(model, "created"));
    writer.Key("owned_by");
    writer.String(context.name.data(), static_cast<rapidjson::SizeType>(context.name.size()));
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

void serveModels(const ProviderContext& context, sdk::Exchange& exchange) {
  sdk::UpstreamRequest request;
  request.method = "GET";
  request.url = context.target.modelsUrl();
  request.headers = context.target.headers();
  sdk::Upstream upstream = exchange.send(request);
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  std::string body;
  const rapidjson::Document answer = readJsonAnswer(context, upstream, body);
  const rapidjson::Value* data = nullptr;
  if (answer.IsObject()) {
    const auto found = answer.FindMember("data");
    data = found != answer.MemberEnd() && found->value.IsArray() ? &found->value : nullptr;
  }
  if (data == nullptr) {
    throw sdk::Error(GH_ERROR_UPSTREAM,
                     upstreamMessage(context.name, "answered the model list without a \"data\" array",
                                     context.target.apiKey()));
  }
  exchange.respond(200, "application/json", modelList(context, *data));
}

} // namespace gatehouse::plugins::openai
