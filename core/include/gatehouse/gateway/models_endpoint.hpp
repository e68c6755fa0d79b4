// GET /v1/models in OpenAI's list format (model_list_json.hpp): every configured model
// and alias, then, for each provider with list_upstream_models, its upstream's own
// models as "<provider>/<id>" (upstream_model_lists.hpp; names already listed are not
// repeated). Only the names the principal's model: scopes allow are listed, and when it
// has endpoint: scopes it needs endpoint:models (scopes.hpp).
#pragma once

#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/gateway/model_list_json.hpp>
#include <gatehouse/gateway/scopes.hpp>
#include <gatehouse/gateway/upstream_model_lists.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::gateway {

class ModelsEndpoint {
public:
  // `created` (unix seconds, the gateway's start time) is reported for every configured
  // model and for upstream models that come without one. Both references must outlive
  // the endpoint.
  ModelsEndpoint(const ModelCatalog& catalog, const Authenticator& authenticator, std::int64_t created,
                 UpstreamModelLists::Clock clock = &std::chrono::steady_clock::now);

  // Authenticates like the model endpoints, then sends the list.
  void serve(http::IncomingRequest& request, http::ResponseSink& response) const;

  // The list as served now to a principal with `scopes`, refreshing upstream lists that
  // are due.
  std::string body(std::string_view requestId, const ScopeSet& scopes = ScopeSet{}) const;

private:
  const Authenticator& authenticator_;
  ScopeCache scopes_;
  std::vector<ListedModel> configured_;
  // Rendered once: without listing providers the answer never changes.
  std::string configuredBody_;
  std::unique_ptr<UpstreamModelLists> upstream_; // null without listing providers
};

} // namespace gatehouse::gateway
