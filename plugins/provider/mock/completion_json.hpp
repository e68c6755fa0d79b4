// The mock's answers, shaped exactly like OpenAI's chat.completion and
// chat.completion.chunk objects.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse::plugins::mock {

struct Usage {
  std::int64_t promptTokens = 0;
  std::int64_t completionTokens = 0;
};

class CompletionJson {
public:
  // `id` is "chatcmpl-<request id>"; `model` the name the client asked for.
  CompletionJson(std::string id, std::int64_t created, std::string model, bool includeUsage)
      : id_(std::move(id)), created_(created), model_(std::move(model)), includeUsage_(includeUsage) {}

  // A whole non-streamed chat.completion with one "stop" choice and its usage.
  std::string completion(std::string_view content, const Usage& usage) const;

  // Stream chunks, in the order OpenAI sends them. While usage is included every chunk
  // but the usage chunk carries "usage": null, as OpenAI's do.
  std::string roleChunk() const;                            // delta {"role":"assistant","content":""}
  std::string contentChunk(std::string_view content) const; // delta {"content": ...}
  std::string stopChunk() const;                            // delta {}, finish_reason "stop"
  std::string usageChunk(const Usage& usage) const;         // choices [], usage {...}

private:
  template <class Writer> void writeHeader(Writer& writer, const char* object) const;

  std::string id_;
  std::int64_t created_;
  std::string model_;
  bool includeUsage_;
};

} // namespace gatehouse::plugins::mock
