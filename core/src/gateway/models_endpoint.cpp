#include <gatehouse/gateway/models_endpoint.hpp>
#include <gatehouse/http/error_writer.hpp>

#include <set>

namespace gatehouse::gateway {

ModelsEndpoint::ModelsEndpoint(const ModelCatalog& catalog, const Authenticator& authenticator,
                               std::int64_t created, UpstreamModelLists::Clock clock)
    : authenticator_(authenticator) {
  configured_.reserve(catalog.listing().size());
  for (const ModelListing& model : catalog.listing())
    configured_.push_back(ListedModel{model.id, model.ownedBy, created});
  configuredBody_ = renderModelList(configured_);
  if (!catalog.listingProviders().empty()) {
    upstream_ = std::make_unique<UpstreamModelLists>(catalog.listingProviders(), created, std::move(clock));
  }
}

std::string ModelsEndpoint::body(std::string_view requestId, const ScopeSet& scopes) const {
  if (upstream_ == nullptr && !scopes.restrictsModels())
    return configuredBody_;
  std::vector<ListedModel> models;
  models.reserve(configured_.size());
  std::set<std::string, std::less<>> listed;
  for (const ListedModel& model : configured_) {
    listed.insert(model.id); // listed or not, a configured name hides an upstream one
    if (scopes.allowsModel(model.id))
      models.push_back(model);
  }
  if (upstream_ != nullptr) {
    for (ListedModel& model : upstream_->current(requestId)) {
      if (listed.insert(model.id).second && scopes.allowsModel(model.id))
        models.push_back(std::move(model));
    }
  }
  return renderModelList(models);
}

void ModelsEndpoint::serve(http::IncomingRequest& request, http::ResponseSink& response) const {
  auto identity = authenticator_.authenticate(request.client, request.requestId);
  if (auto* error = std::get_if<http::ApiError>(&identity)) {
    http::sendError(response, *error);
    return;
  }
  const std::shared_ptr<const ScopeSet> scopes = scopes_.get(std::get<Principal>(identity).scopes);
  if (!scopes->allowsEndpoint(GH_ENDPOINT_MODELS)) {
    http::sendError(response, endpointNotAllowed(GH_ENDPOINT_MODELS));
    return;
  }
  response.send(200, "application/json", body(request.requestId, *scopes));
}

} // namespace gatehouse::gateway
