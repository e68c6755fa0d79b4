#include "chat_reply.hpp"

#include <utility>

#include "json_escape.hpp"

namespace hello {

ChatReply::ChatReply(std::string id, std::int64_t created, std::string model)
    : id_(std::move(id)), created_(created), model_(std::move(model)) {
}

std::string ChatReply::completion(std::string_view content, std::int64_t promptTokens,
                                  std::int64_t completionTokens) const {
  return "{\"id\":" + jsonString(id_) +
         ",\"object\":\"chat.completion\",\"created\":" + std::to_string(created_) +
         ",\"model\":" + jsonString(model_) +
         ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + jsonString(content) +
         "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + std::to_string(promptTokens) +
         ",\"completion_tokens\":" + std::to_string(completionTokens) +
         ",\"total_tokens\":" + std::to_string(promptTokens + completionTokens) + "}}";
}

std::string ChatReply::roleChunk() const {
  return chunk(R"({"role":"assistant","content":""})", "null");
}

std::string ChatReply::contentChunk(std::string_view piece) const {
  return chunk("{\"content\":" + jsonString(piece) + "}", "null");
}

std::string ChatReply::finalChunk() const {
  return chunk("{}", "\"stop\"");
}

std::string ChatReply::chunk(std::string_view delta, std::string_view finishReason) const {
  std::string out = "{\"id\":" + jsonString(id_) +
                    ",\"object\":\"chat.completion.chunk\",\"created\":" + std::to_string(created_) +
                    ",\"model\":" + jsonString(model_) + ",\"choices\":[{\"index\":0,\"delta\":";
  out += delta;
  out += ",\"finish_reason\":";
  out += finishReason;
  out += "}]}";
  return out;
}

std::vector<std::string_view> ChatReply::pieces(std::string_view content) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find_first_of(" \t\n\r", content.find_first_not_of(" \t\n\r", start));
    end = content.find_first_not_of(" \t\n\r", end == std::string_view::npos ? content.size() : end);
    if (end == std::string_view::npos) {
      end = content.size();
    }
    out.push_back(content.substr(start, end - start));
    start = end;
  }
  return out;
}

} // namespace hello
