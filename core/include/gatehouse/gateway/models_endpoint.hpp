// GET /v1/models in OpenAI's list format:
//   {"object":"list","data":[{"id","object":"model","created","owned_by"}]}
#pragma once

#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>

#include <cstdint>
#include <string>

namespace gatehouse::gateway {

class ModelsEndpoint {
public:
  // The catalog never changes while serving, so the body is rendered once here.
  // `created` (unix seconds) is reported for every model: the gateway's start time.
  ModelsEndpoint(const ModelCatalog& catalog, const Authenticator& authenticator, std::int64_t created);

  // Authenticates like the chat endpoint, then sends the list.
  void serve(http::IncomingRequest& request, http::ResponseSink& response) const;

  const std::string& body() const { return body_; }

private:
  const Authenticator& authenticator_;
  std::string body_;
};

} // namespace gatehouse::gateway
