#include "chat_service.hpp"

#include <optional>
#include <string>
#include <vector>

#include "chat_request.hpp"
#include "chat_response.hpp"
#include "chat_stream_translator.hpp"
#include "client_error.hpp"
#include "token_usage.hpp"

namespace gatehouse::plugins::gemini {
namespace {

bool succeeded(const sdk::Upstream& upstream) {
  return upstream.status() >= 200 && upstream.status() < 300;
}

void serveWhole(sdk::Exchange& exchange, const UpstreamTarget& target, std::string_view apiKey,
                GeminiChatRequest request, const std::string& resource, providers::ChatIdentity identity,
                ToolCallIds& ids) {
  sdk::Upstream upstream = exchange.send(
      target.request(apiKey, "POST", target.methodUrl(resource, "generateContent"), std::move(request.body)));
  const std::string body = upstream.readBody();
  if (!succeeded(upstream)) {
    throw ClientError(translateGeminiError(upstream.status(), body, target.errors(apiKey)));
  }
  ChatResponse response;
  try {
    response = translateChatResponse(
        body, ChatResponseOptions{std::move(identity), request.parallelToolCalls, target.errors(apiKey)},
        ids);
  } catch (const ClientError&) {
    exchange.reportUsage(providers::toGhUsage(usageInResponse(body))); // a blocked prompt was still read
    throw;
  }
  exchange.reportUsage(providers::toGhUsage(response.usage));
  exchange.respond(200, "application/json", response.body);
}

void serveStream(sdk::Exchange& exchange, const UpstreamTarget& target, std::string_view apiKey,
                 GeminiChatRequest request, const std::string& resource, providers::ChatIdentity identity,
                 ToolCallIds& ids) {
  sdk::Upstream upstream = exchange.send(
      target.request(apiKey, "POST", target.methodUrl(resource, "streamGenerateContent") + "?alt=sse",
                     std::move(request.body)));
  if (!succeeded(upstream)) {
    throw ClientError(translateGeminiError(upstream.status(), upstream.readBody(), target.errors(apiKey)));
  }

  ChatStreamTranslator translator(StreamOptions{std::move(identity), request.includeUsage,
                                                request.parallelToolCalls, target.errors(apiKey)},
                                  ids);
  bool started = false;
  // False once the client has gone away.
  const auto deliver = [&](const std::vector<std::string>& chunks) {
    for (const std::string& chunk : chunks) {
      if (!exchange.streamEvent(chunk)) {
        return false;
      }
      started = true;
    }
    return true;
  };
  const auto report = [&] { exchange.reportUsage(providers::toGhUsage(translator.usage())); };
  try {
    while (std::optional<sdk::SseEvent> event = upstream.nextEvent()) {
      // Gemini sends no end marker, but an OpenAI-minded proxy in front of it may.
      if (event->data.empty() || event->data == "[DONE]") {
        continue;
      }
      if (!deliver(translator.translate(event->data))) {
        return report();
      }
    }
    deliver(translator.finish());
  } catch (const ClientError& error) {
    report();
    if (!started) {
      throw;
    }
    // The client already has a 200 and chunks: only the host can still end the stream with
    // an error event.
    throw sdk::Error(GH_ERROR_UPSTREAM, error.what());
  } catch (...) {
    report();
    throw;
  }
  report();
}

} // namespace

void serveChat(sdk::Exchange& exchange, const UpstreamTarget& target, const ChatSettings& settings,
               ToolCallIds& ids, std::int64_t now) {
  GeminiChatRequest request =
      translateChatRequest(exchange.requestBody(), ChatRequestOptions{settings.safetySettingsJson,
                                                                      settings.fillMissingThoughtSignatures});
  const std::string_view model =
      exchange.upstreamModel().empty() ? exchange.model() : exchange.upstreamModel();
  const std::string resource = UpstreamTarget::modelResource(model);
  providers::ChatIdentity identity{"chatcmpl-" + std::string(exchange.requestId()), now,
                                   std::string(exchange.model())};
  // Only once the request translated, so a refused one takes no pool credential.
  const std::string_view apiKey = target.keyFor(exchange.credential());
  if (exchange.wantsStream()) {
    serveStream(exchange, target, apiKey, std::move(request), resource, std::move(identity), ids);
  } else {
    serveWhole(exchange, target, apiKey, std::move(request), resource, std::move(identity), ids);
  }
}

} // namespace gatehouse::plugins::gemini
