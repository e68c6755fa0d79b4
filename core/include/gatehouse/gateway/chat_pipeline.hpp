// POST /v1/chat/completions, top to bottom: authenticate, validate, ask the billing
// plugins to admit it, route, let the provider serve it, finish the response, hand the
// usage to accounting.
#pragma once

#include <gatehouse/gateway/admission.hpp>
#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/usage/usage_sink.hpp>

namespace gatehouse::gateway {

class ChatPipeline {
public:
  // All must outlive the pipeline. `usage` may be null (usage is then dropped); a null
  // `admission` admits every request.
  ChatPipeline(const ModelCatalog& catalog, const Authenticator& authenticator, UsageSink* usage,
               const Admission* admission = nullptr)
      : catalog_(catalog), authenticator_(authenticator), usage_(usage), admission_(admission) {}

  // Always answers: an error in the OpenAI shape, the provider's response, or an SSE
  // stream ended by "data: [DONE]" (or by an error event if the provider failed
  // mid-stream). Never throws for anything a client or plugin can cause.
  void serve(http::IncomingRequest& request, http::ResponseSink& response) const;

private:
  const ModelCatalog& catalog_;
  const Authenticator& authenticator_;
  UsageSink* usage_;
  const Admission* admission_;
};

} // namespace gatehouse::gateway
