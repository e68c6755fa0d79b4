#include "mock_provider.hpp"

#include <chrono>
#include <ctime>
#include <thread>

#include "chat_input.hpp"
#include "completion_json.hpp"
#include "reply_pieces.hpp"
#include "token_count.hpp"

namespace gatehouse::plugins::mock {
namespace {

gh_usage toAbi(const Usage& usage) {
  gh_usage out{};
  out.prompt_tokens = usage.promptTokens;
  out.completion_tokens = usage.completionTokens;
  return out;
}

} // namespace

void MockProvider::wait() const {
  if (config_.latencyMs > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(config_.latencyMs));
}

void MockProvider::handle(sdk::Exchange& exchange) {
  if (exchange.endpoint() != GH_ENDPOINT_CHAT_COMPLETIONS) {
    throw sdk::Error(GH_ERROR_UNSUPPORTED, "the mock provider serves only chat completions");
  }
  const ChatInput input = parseChatInput(exchange.requestBody());
  const std::string reply = config_.reply ? *config_.reply : "Echo: " + input.lastUserText;
  const CompletionJson json("chatcmpl-" + std::string(exchange.requestId()),
                            static_cast<std::int64_t>(std::time(nullptr)), std::string(exchange.model()),
                            input.includeUsage);
  Usage usage{input.promptTokens, 0};

  if (!exchange.wantsStream()) {
    wait();
    usage.completionTokens = countTokens(reply);
    exchange.reportUsage(toAbi(usage));
    exchange.respond(200, "application/json", json.completion(reply, usage));
    return;
  }

  // Completion tokens count what the client actually received, so a client that leaves
  // early is charged for the part it got.
  std::size_t deliveredBytes = 0;
  const auto report = [&] {
    usage.completionTokens = deliveredBytes == 0 ? 0 : countTokens(reply.substr(0, deliveredBytes));
    exchange.reportUsage(toAbi(usage));
  };
  wait();
  if (!exchange.streamEvent(json.roleChunk()))
    return report();
  bool first = true;
  for (const std::string_view piece : splitReply(reply, config_.chunks)) {
    if (!first)
      wait();
    first = false;
    if (!exchange.streamEvent(json.contentChunk(piece)))
      return report();
    deliveredBytes += piece.size();
  }
  if (!exchange.streamEvent(json.stopChunk()))
    return report();
  report();
  if (input.includeUsage)
    exchange.streamEvent(json.usageChunk(usage));
}

} // namespace gatehouse::plugins::mock
