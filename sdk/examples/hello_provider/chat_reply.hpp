// Builds OpenAI-shaped chat completion responses: the whole chat.completion object, and
// the chat.completion.chunk events of a stream.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hello {

class ChatReply {
public:
  // `id` becomes the response id, `model` is the model name the client asked for.
  ChatReply(std::string id, std::int64_t created, std::string model);

  std::string completion(std::string_view content, std::int64_t promptTokens,
                         std::int64_t completionTokens) const;

  // A stream opens with the assistant role, carries the content in pieces, and closes
  // with an empty delta whose finish_reason is "stop".
  std::string roleChunk() const;
  std::string contentChunk(std::string_view piece) const;
  std::string finalChunk() const;

  // Cuts `content` into one piece per word, each keeping the whitespace that follows it,
  // so the pieces concatenate back to exactly `content`.
  static std::vector<std::string_view> pieces(std::string_view content);

private:
  std::string chunk(std::string_view delta, std::string_view finishReason) const;

  std::string id_;
  std::int64_t created_;
  std::string model_;
};

} // namespace hello
