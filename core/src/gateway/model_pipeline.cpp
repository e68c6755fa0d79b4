#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/model_pipeline.hpp>
#include <gatehouse/gateway/model_request.hpp>
#include <gatehouse/gateway/pipeline_exchange.hpp>
#include <gatehouse/gateway/rate_limit_response.hpp>
#include <gatehouse/gateway/sse_framing.hpp>
#include <gatehouse/gateway/status_mapping.hpp>
#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/text_sanitizer.hpp>

#include <chrono>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kComponent = "gateway";
constexpr int kClientClosedRequest = 499;

void logPluginFailure(std::string_view requestId, const std::string& provider, const PluginResult& result) {
  log::warn(kComponent, "request " + std::string(requestId) + ": provider '" + provider +
                            "' failed with status " + std::to_string(result.status) + ": " + result.message);
}

// Ends an SSE stream the provider returned from: OpenAI's chat streams end with
// "[DONE]", which its clients wait for; the other endpoints' event streams just end.
int finishEventStream(PipelineExchange& exchange, const PluginResult& result, const std::string& provider,
                      std::string_view requestId, http::ResponseSink& response) {
  if (exchange.clientGone())
    return kClientClosedRequest;
  if (result.ok()) {
    if (exchange.endpoint() == GH_ENDPOINT_CHAT_COMPLETIONS)
      response.writeEvent(kSseDone);
  } else if (result.status != GH_ERROR_CANCELLED) {
    logPluginFailure(requestId, provider, result);
    response.writeEvent(http::sseErrorEvent(apiErrorFor(result.status, result.message, requestId)));
  }
  return exchange.httpStatus();
}

// A raw body cannot carry an error: after a failure the client must see it cut off
// rather than mistake half an audio file for all of it.
int finishRawStream(PipelineExchange& exchange, const PluginResult& result, const std::string& provider,
                    std::string_view requestId, http::ResponseSink& response) {
  if (exchange.clientGone())
    return kClientClosedRequest;
  if (!result.ok()) {
    if (result.status != GH_ERROR_CANCELLED)
      logPluginFailure(requestId, provider, result);
    response.abort();
  }
  return exchange.httpStatus();
}

// Ends the response after the provider returned, whatever state it left it in.
// Returns the HTTP status the client ended up with.
int finishResponse(PipelineExchange& exchange, const PluginResult& result, const std::string& provider,
                   std::string_view requestId, http::ResponseSink& response) {
  switch (exchange.state()) {
  case PipelineExchange::State::Streaming:
    return finishEventStream(exchange, result, provider, requestId, response);
  case PipelineExchange::State::RawStreaming:
    return finishRawStream(exchange, result, provider, requestId, response);
  case PipelineExchange::State::Responded:
    if (!result.ok())
      logPluginFailure(requestId, provider, result);
    return exchange.httpStatus();
  case PipelineExchange::State::Nothing: break;
  }
  if (result.ok()) {
    log::error(kComponent, "request " + std::string(requestId) + ": provider '" + provider +
                               "' returned without answering");
    http::sendError(response, http::internalError(requestId));
    return 500;
  }
  if (result.status != GH_ERROR_CANCELLED)
    logPluginFailure(requestId, provider, result);
  const http::ApiError error = apiErrorFor(result.status, result.message, requestId);
  http::sendError(response, error);
  return error.status;
}

UsageEvent usageEventFor(const http::IncomingRequest& request, const Principal& principal,
                         const ModelRequest& modelRequest, const ModelRoute& route,
                         const PipelineExchange& exchange, int httpStatus, std::int64_t durationMs) {
  UsageEvent event;
  event.requestId = std::string(request.requestId);
  event.subject = principal.subject;
  event.team = principal.team;
  event.app = principal.app;
  event.keyId = principal.keyId;
  event.provider = route.provider->name();
  event.model = modelRequest.model;
  event.upstreamModel = std::string(route.upstreamModel);
  event.endpoint = modelRequest.endpoint;
  event.streamed = exchange.streamed();
  event.httpStatus = httpStatus;
  event.startedAtMs = request.startedAtMs;
  event.durationMs = durationMs;
  event.usage = exchange.usage();
  return event;
}

http::ApiError unknownModel(const std::string& model) {
  return http::ApiError{404, http::ErrorType::NotFound,
                        "The model '" + http::sanitizeForMessage(model) +
                            "' does not exist or you do not have access to it.",
                        "model", "model_not_found"};
}

} // namespace

ModelPipeline::ModelPipeline(const ModelCatalog& catalog, const Authenticator& authenticator,
                             UsageSink* usage, const Admission* admission, RateLimiter* rateLimiter)
    : catalog_(catalog), authenticator_(authenticator), usage_(usage), admission_(admission),
      ownRateLimiter_(rateLimiter == nullptr ? std::make_unique<RateLimiter>() : nullptr),
      rateLimiter_(rateLimiter == nullptr ? ownRateLimiter_.get() : rateLimiter) {
}

void ModelPipeline::serve(gh_endpoint endpoint, http::IncomingRequest& request,
                          http::ResponseSink& response) const {
  const auto started = std::chrono::steady_clock::now();

  auto identity = authenticator_.authenticate(request.client, request.requestId);
  if (auto* error = std::get_if<http::ApiError>(&identity)) {
    http::sendError(response, *error);
    return;
  }
  const Principal& principal = std::get<Principal>(identity);

  const std::shared_ptr<const ScopeSet> scopes = scopes_.get(principal.scopes);
  if (!scopes->allowsEndpoint(endpoint)) {
    http::sendError(response, endpointNotAllowed(endpoint));
    return;
  }

  auto parsed = parseModelRequest(endpoint, request);
  if (auto* error = std::get_if<http::ApiError>(&parsed)) {
    http::sendError(response, *error);
    return;
  }
  const ModelRequest& modelRequest = std::get<ModelRequest>(parsed);

  // The public name as sent (an alias is checked as itself), and before routing, so a
  // refusal says nothing about whether the model exists.
  if (!scopes->allowsModel(modelRequest.model)) {
    http::sendError(response, modelNotAllowed(modelRequest.model));
    return;
  }

  // Headers now, before anything can start the response (a stream included); a refused
  // request is not counted.
  const RateLimitDecision limit = rateLimiter_->admit(principal);
  setRateLimitHeaders(response, limit);
  if (!limit.admitted) {
    http::sendError(response, rateLimitError(limit));
    return;
  }

  if (admission_ != nullptr) {
    if (auto refusal = admission_->admit(principal, modelRequest.model, request.requestId)) {
      http::sendError(response, *refusal);
      return;
    }
  }

  const std::optional<ModelRoute> route = catalog_.resolve(modelRequest.model);
  if (!route) {
    http::sendError(response, unknownModel(modelRequest.model));
    return;
  }

  PipelineExchange exchange(request, modelRequest, *route, response);
  const PluginResult result = route->provider->handle(exchange);
  // Whatever upstream the provider left open is abandoned: closing it before the client's
  // response ends stops the upstream at once (a plugin-backed provider already did).
  exchange.upstreams.closeAll();
  const int httpStatus =
      finishResponse(exchange, result, route->provider->name(), request.requestId, response);
  exchange.finished(httpStatus);
  // Whatever the upstream reported, failed requests included: those tokens were spent.
  rateLimiter_->addTokens(principal, exchange.usage().prompt_tokens + exchange.usage().completion_tokens);

  if (usage_ != nullptr) {
    const auto durationMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    usage_->submit(usageEventFor(request, principal, modelRequest, *route, exchange, httpStatus, durationMs));
  }
}

} // namespace gatehouse::gateway
