#include <optional>

#include "chat_request.hpp"
#include "chat_usage.hpp"
#include "endpoints.hpp"
#include "event_relay.hpp"
#include "upstream_call.hpp"
#include "usage_json.hpp"

namespace gatehouse::plugins::openai {
namespace {

// OpenAI's usage-only chunk: no choices, a usage object.
bool isUsageOnlyChunk(const rapidjson::Value& chunk) {
  const auto choices = chunk.FindMember("choices");
  return choices != chunk.MemberEnd() && choices->value.IsArray() && choices->value.Empty() &&
         findChatUsage(chunk) != nullptr;
}

void relayChatStream(const ProviderContext& context, sdk::Exchange& exchange, sdk::Upstream& upstream,
                     bool clientWantsUsage) {
  std::optional<providers::ChatUsage> usage;
  relayEvents(
      context, exchange, upstream,
      [&](const rapidjson::Value& chunk) {
        if (const rapidjson::Value* found = findChatUsage(chunk)) {
          usage = readChatUsage(*found); // the last report wins, as the final chunk has the totals
        }
        return !clientWantsUsage && isUsageOnlyChunk(chunk) ? EventVerdict::Drop : EventVerdict::Forward;
      },
      [&] {
        if (usage) {
          exchange.reportUsage(providers::toGhUsage(*usage));
        }
      });
}

} // namespace

void serveChat(const ProviderContext& context, sdk::Exchange& exchange) {
  const bool stream = exchange.wantsStream();
  ChatRequest prepared =
      prepareChatRequest(exchange.requestBody(), exchange.upstreamModel(), stream, context.streamUsage);
  sdk::UpstreamRequest request =
      postRequest(context, exchange, context.target.url("chat/completions", exchange.upstreamModel()),
                  "application/json", std::move(prepared.body));
  if (stream) {
    request.headers.emplace_back("Accept", "text/event-stream");
  }
  sdk::Upstream upstream = exchange.send(request);
  if (answeredWithError(context, exchange, upstream)) {
    return;
  }
  if (stream) {
    relayChatStream(context, exchange, upstream, prepared.clientWantsUsage);
    return;
  }
  std::string body;
  const rapidjson::Document answer = readJsonAnswer(context, exchange, upstream, body);
  if (const rapidjson::Value* usage = findChatUsage(answer)) {
    exchange.reportUsage(providers::toGhUsage(readChatUsage(*usage)));
  }
  exchange.respond(upstream.status(), "application/json", body);
}

} // namespace gatehouse::plugins::openai
