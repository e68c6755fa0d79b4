#include "chat_response.hpp"

#include <algorithm>

#include "candidate.hpp"
#include "client_error.hpp"
#include "finish_reason.hpp"
#include "json_util.hpp"
#include "token_usage.hpp"
#include "tool_call_json.hpp"

namespace gatehouse::plugins::gemini {
namespace {

void writeChoice(providers::JsonWriter& writer, const Candidate& candidate, bool parallelToolCalls,
                 ToolCallIds& ids) {
  const std::size_t callCount =
      parallelToolCalls ? candidate.calls.size() : std::min<std::size_t>(1, candidate.calls.size());
  writer.StartObject();
  writer.Key("index");
  writer.Int(candidate.index);
  writer.Key("message");
  writer.StartObject();
  writer.Key("role");
  writer.String("assistant");
  writer.Key("content");
  if (candidate.text.empty() && callCount > 0) {
    writer.Null();
  } else {
    providers::writeString(writer, candidate.text);
  }
  writer.Key("refusal");
  writer.Null();
  if (callCount > 0) {
    writer.Key("tool_calls");
    writer.StartArray();
    for (std::size_t i = 0; i < callCount; ++i) {
      writeToolCall(writer, candidate.calls[i], ids.next(), std::nullopt);
    }
    writer.EndArray();
  }
  writer.EndObject();
  writer.Key("logprobs");
  writer.Null();
  writer.Key("finish_reason");
  providers::writeString(writer, openAiFinishReason(candidate.finishReason, callCount > 0));
  writer.EndObject();
}

} // namespace

ChatResponse translateChatResponse(std::string_view geminiBody, const ChatResponseOptions& options,
                                   ToolCallIds& ids) {
  rapidjson::Document document;
  if (!providers::parseJson(geminiBody, document) || !document.IsObject()) {
    throw ClientError(malformedAnswerError("a body that is not JSON", options.errors));
  }
  std::vector<Candidate> candidates = readCandidates(document);
  if (candidates.empty()) {
    const std::string_view blocked = promptBlockReason(document);
    if (!blocked.empty()) {
      throw ClientError(blockedPromptError(blocked, options.errors));
    }
    throw ClientError(malformedAnswerError("no candidates", options.errors));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.index < b.index; });

  ChatResponse response;
  if (const rapidjson::Value* usage = providers::findMember(document, "usageMetadata")) {
    response.usage = readUsageMetadata(*usage);
  }

  rapidjson::StringBuffer buffer;
  providers::JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("id");
  providers::writeString(writer, options.identity.id);
  writer.Key("object");
  writer.String("chat.completion");
  writer.Key("created");
  writer.Int64(options.identity.created);
  writer.Key("model");
  providers::writeString(writer, options.identity.model);
  writer.Key("choices");
  writer.StartArray();
  for (const Candidate& candidate : candidates) {
    writeChoice(writer, candidate, options.parallelToolCalls, ids);
  }
  writer.EndArray();
  writer.Key("usage");
  providers::writeChatUsage(writer, response.usage);
  writer.EndObject();
  response.body = providers::bufferText(buffer);
  return response;
}

} // namespace gatehouse::plugins::gemini
