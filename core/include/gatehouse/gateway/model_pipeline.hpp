// Every model endpoint (chat completions, embeddings, images, speech, transcriptions),
// top to bottom: authenticate, parse and validate, ask the billing plugins to admit it,
// route, let the provider serve it, finish the response, hand the usage to accounting.
#pragma once

#include <gatehouse/gateway/admission.hpp>
#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/usage/usage_sink.hpp>

namespace gatehouse::gateway {

class ModelPipeline {
public:
  // All must outlive the pipeline. `usage` may be null (usage is then dropped); a null
  // `admission` admits every request.
  ModelPipeline(const ModelCatalog& catalog, const Authenticator& authenticator, UsageSink* usage,
                const Admission* admission = nullptr)
      : catalog_(catalog), authenticator_(authenticator), usage_(usage), admission_(admission) {}

  // Serves one request that came in on `endpoint`. Always answers: an error in the
  // OpenAI shape, the provider's response, an SSE stream (a chat stream ends with
  // "data: [DONE]"; a provider failing mid-stream ends it with an error event instead),
  // or a raw stream (cut off without its last chunk if the provider fails midway).
  // Never throws for anything a client or plugin can cause.
  void serve(gh_endpoint endpoint, http::IncomingRequest& request, http::ResponseSink& response) const;

private:
  const ModelCatalog& catalog_;
  const Authenticator& authenticator_;
  UsageSink* usage_;
  const Admission* admission_;
};

} // namespace gatehouse::gateway
