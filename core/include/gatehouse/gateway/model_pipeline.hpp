// Every model endpoint (chat completions, embeddings, images, speech, transcriptions),
// top to bottom: authenticate, check the endpoint against the principal's scopes, parse
// and validate, check the model against the scopes, apply the principal's rate limits, ask
// the billing plugins to admit it, route, let the provider serve it, finish the response,
// count its tokens against the tokens-per-minute limit, hand the usage to accounting.
#pragma once

#include <gatehouse/gateway/admission.hpp>
#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/gateway/rate_limiter.hpp>
#include <gatehouse/gateway/scopes.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/usage/usage_sink.hpp>

#include <memory>

namespace gatehouse::gateway {

class ModelPipeline {
public:
  // All must outlive the pipeline. `usage` may be null (usage is then dropped); a null
  // `admission` admits every request; a null `rateLimiter` gives the pipeline its own (the
  // limits come with each principal, so there is nothing to configure).
  ModelPipeline(const ModelCatalog& catalog, const Authenticator& authenticator, UsageSink* usage,
                const Admission* admission = nullptr, RateLimiter* rateLimiter = nullptr);

  // Serves one request that came in on `endpoint`. Always answers: an error in the
  // OpenAI shape, the provider's response, an SSE stream (a chat stream ends with
  // "data: [DONE]"; a provider failing mid-stream ends it with an error event instead),
  // or a raw stream (cut off without its last chunk if the provider fails midway).
  // A rate-limited principal's response carries the x-ratelimit-* headers, whatever it is.
  // Never throws for anything a client or plugin can cause.
  void serve(gh_endpoint endpoint, http::IncomingRequest& request, http::ResponseSink& response) const;

private:
  const ModelCatalog& catalog_;
  const Authenticator& authenticator_;
  UsageSink* usage_;
  const Admission* admission_;
  std::unique_ptr<RateLimiter> ownRateLimiter_; // when none was given
  RateLimiter* rateLimiter_;
  ScopeCache scopes_;
};

} // namespace gatehouse::gateway
