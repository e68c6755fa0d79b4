#include "hello_provider.hpp"

#include <ctime>
#include <stdexcept>

#include "chat_reply.hpp"
#include "chat_request.hpp"
#include "json_reader.hpp"
#include "word_count.hpp"

namespace hello {

namespace sdk = gatehouse::sdk;

HelloProvider::HelloProvider(std::string_view configJson) {
  try {
    JsonReader reader(configJson);
    if (reader.peek() != JsonReader::Kind::Object) {
      throw JsonError("the config must be a JSON object");
    }
    reader.readObject([&](const std::string& key) {
      // Refusing unknown keys turns a typo in the operator's config into a start-up error.
      if (key != "greeting") {
        throw JsonError("unknown key '" + key + "'");
      }
      if (reader.peek() != JsonReader::Kind::String) {
        throw JsonError("greeting must be a string");
      }
      greeting_ = reader.readString();
    });
    reader.expectEnd();
  } catch (const JsonError& error) {
    throw sdk::Error(GH_ERROR_CONFIG, std::string("hello provider config: ") + error.what());
  }
}

void HelloProvider::handle(sdk::Exchange& exchange) {
  if (exchange.endpoint() != GH_ENDPOINT_CHAT_COMPLETIONS) {
    throw sdk::Error(GH_ERROR_UNSUPPORTED, "the hello provider serves only chat completions");
  }
  ChatRequest request;
  try {
    request = parseChatRequest(exchange.requestBody());
  } catch (const JsonError& error) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT,
                     std::string("request body is not valid JSON: ") + error.what());
  } catch (const std::invalid_argument& error) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, error.what());
  }

  const std::string content = greeting_ + " " + request.lastUserMessage;
  const ChatReply reply("chatcmpl-" + std::string(exchange.requestId()),
                        static_cast<std::int64_t>(std::time(nullptr)), std::string(exchange.model()));
  gh_usage usage{};
  usage.prompt_tokens = request.promptWords;

  if (!exchange.wantsStream()) {
    usage.completion_tokens = countWords(content);
    exchange.reportUsage(usage);
    exchange.respond(200, "application/json",
                     reply.completion(content, usage.prompt_tokens, usage.completion_tokens));
    return;
  }

  // Usage counts only the words the client actually received, so a client that leaves
  // early is not charged for the rest.
  bool clientStayed = exchange.streamEvent(reply.roleChunk());
  for (std::string_view piece : ChatReply::pieces(content)) {
    if (!clientStayed) {
      break;
    }
    clientStayed = exchange.streamEvent(reply.contentChunk(piece));
    if (clientStayed) {
      usage.completion_tokens += countWords(piece);
    }
  }
  if (clientStayed) {
    exchange.streamEvent(reply.finalChunk());
  }
  exchange.reportUsage(usage);
}

} // namespace hello
