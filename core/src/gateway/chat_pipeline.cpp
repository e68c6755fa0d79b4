#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/chat_pipeline.hpp>
#include <gatehouse/gateway/pipeline_exchange.hpp>
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

// Ends the response after the provider returned, whatever state it left it in.
// Returns the HTTP status the client ended up with.
int finishResponse(PipelineExchange& exchange, const PluginResult& result, const std::string& provider,
                   std::string_view requestId, http::ResponseSink& response) {
  switch (exchange.state()) {
  case PipelineExchange::State::Streaming:
    if (exchange.clientGone())
      return kClientClosedRequest;
    if (result.ok()) {
      response.writeEvent(kSseDone);
    } else if (result.status != GH_ERROR_CANCELLED) {
      logPluginFailure(requestId, provider, result);
      response.writeEvent(http::sseErrorEvent(apiErrorFor(result.status, result.message, requestId)));
    }
    return exchange.httpStatus();
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
                         const ChatRequest& chat, const ModelRoute& route, const PipelineExchange& exchange,
                         int httpStatus, std::int64_t durationMs) {
  UsageEvent event;
  event.requestId = std::string(request.requestId);
  event.subject = principal.subject;
  event.team = principal.team;
  event.app = principal.app;
  event.keyId = principal.keyId;
  event.provider = route.provider->name();
  event.model = chat.model;
  event.upstreamModel = route.upstreamModel;
  event.endpoint = GH_ENDPOINT_CHAT_COMPLETIONS;
  event.streamed = exchange.state() == PipelineExchange::State::Streaming;
  event.httpStatus = httpStatus;
  event.startedAtMs = request.startedAtMs;
  event.durationMs = durationMs;
  event.usage = exchange.usage();
  return event;
}

} // namespace

void ChatPipeline::serve(http::IncomingRequest& request, http::ResponseSink& response) const {
  const auto started = std::chrono::steady_clock::now();

  auto identity = authenticator_.authenticate(request.client, request.requestId);
  if (auto* error = std::get_if<http::ApiError>(&identity)) {
    http::sendError(response, *error);
    return;
  }
  const Principal& principal = std::get<Principal>(identity);

  auto parsed = parseChatRequest(request.body);
  if (auto* error = std::get_if<http::ApiError>(&parsed)) {
    http::sendError(response, *error);
    return;
  }
  const ChatRequest& chat = std::get<ChatRequest>(parsed);

  if (admission_ != nullptr) {
    if (auto refusal = admission_->admit(principal, chat.model, request.requestId)) {
      http::sendError(response, *refusal);
      return;
    }
  }

  const ModelRoute* route = catalog_.resolve(chat.model);
  if (route == nullptr) {
    http::sendError(response, http::ApiError{404, http::ErrorType::NotFound,
                                             "The model '" + http::sanitizeForMessage(chat.model) +
                                                 "' does not exist or you do not have access to it.",
                                             "model", "model_not_found"});
    return;
  }

  PipelineExchange exchange(request, chat, *route, response);
  const PluginResult result = route->provider->handle(exchange);
  const int httpStatus =
      finishResponse(exchange, result, route->provider->name(), request.requestId, response);

  if (usage_ != nullptr) {
    const auto durationMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started)
            .count();
    usage_->submit(usageEventFor(request, principal, chat, *route, exchange, httpStatus, durationMs));
  }
}

} // namespace gatehouse::gateway
