#include "chat_stream_translator.hpp"

#include "candidate.hpp"
#include "client_error.hpp"
#include "finish_reason.hpp"
#include "json_util.hpp"
#include "token_usage.hpp"

namespace gatehouse::plugins::gemini {

ChatStreamTranslator::ChatStreamTranslator(StreamOptions options, ToolCallIds& ids)
    : options_(std::move(options)), ids_(ids), writer_(options_.identity) {
}

ChatStreamTranslator::Choice& ChatStreamTranslator::open(int index, std::vector<std::string>& out) {
  auto [position, added] = choices_.try_emplace(index);
  if (added) {
    out.push_back(writer_.role(index));
  }
  return position->second;
}

std::vector<std::string> ChatStreamTranslator::translate(std::string_view event) {
  rapidjson::Document document;
  if (!providers::parseJson(event, document) || !document.IsObject()) {
    throw ClientError(malformedAnswerError("a stream event that is not JSON", options_.errors));
  }
  if (const rapidjson::Value* error = providers::findMember(document, "error");
      error != nullptr && error->IsObject()) {
    throw ClientError(translateGeminiErrorObject(200, *error, options_.errors));
  }
  if (const rapidjson::Value* usage = providers::findMember(document, "usageMetadata")) {
    usage_ = readUsageMetadata(*usage);
  }

  std::vector<std::string> out;
  const std::vector<Candidate> candidates = readCandidates(document);
  if (candidates.empty()) {
    const std::string_view blocked = promptBlockReason(document);
    if (!blocked.empty()) {
      if (choices_.empty()) {
        throw ClientError(blockedPromptError(blocked, options_.errors));
      }
      for (auto& [index, choice] : choices_) {
        if (!choice.finished) {
          out.push_back(writer_.finish(index, "content_filter"));
        }
        choice.finished = true;
      }
    }
    return out;
  }
  for (const Candidate& candidate : candidates) {
    Choice& choice = open(candidate.index, out);
    if (choice.finished) {
      continue;
    }
    if (!candidate.text.empty()) {
      out.push_back(writer_.content(candidate.index, candidate.text));
    }
    for (const FunctionCall& call : candidate.calls) {
      if (!options_.parallelToolCalls && choice.toolCalls > 0) {
        break;
      }
      out.push_back(writer_.toolCall(candidate.index, choice.toolCalls++, call, ids_.next()));
    }
    if (!candidate.finishReason.empty()) {
      out.push_back(
          writer_.finish(candidate.index, openAiFinishReason(candidate.finishReason, choice.toolCalls > 0)));
      choice.finished = true;
    }
  }
  return out;
}

std::vector<std::string> ChatStreamTranslator::finish() {
  std::vector<std::string> out;
  if (choices_.empty()) {
    open(0, out);
  }
  for (auto& [index, choice] : choices_) {
    if (!choice.finished) {
      out.push_back(writer_.finish(index, openAiFinishReason({}, choice.toolCalls > 0)));
    }
    choice.finished = true;
  }
  if (options_.includeUsage) {
    out.push_back(writer_.usage(usage_));
  }
  return out;
}

} // namespace gatehouse::plugins::gemini
