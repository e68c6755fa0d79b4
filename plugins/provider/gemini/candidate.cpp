#include "candidate.hpp"

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {
namespace {

void readParts(const rapidjson::Value& content, Candidate& out) {
  const rapidjson::Value* parts = providers::findMember(content, "parts");
  if (parts == nullptr || !parts->IsArray()) {
    return;
  }
  for (const rapidjson::Value& part : parts->GetArray()) {
    if (const rapidjson::Value* thought = providers::findMember(part, "thought");
        thought != nullptr && thought->IsTrue()) {
      continue;
    }
    if (const rapidjson::Value* text = providers::findMember(part, "text");
        text != nullptr && text->IsString()) {
      out.text += providers::stringView(*text);
    } else if (const rapidjson::Value* call = providers::findMember(part, "functionCall");
               call != nullptr && call->IsObject()) {
      const rapidjson::Value* args = providers::findMember(*call, "args");
      out.calls.push_back(FunctionCall{std::string(providers::stringMember(*call, "name")),
                                       args != nullptr && args->IsObject() ? providers::toJson(*args) : "{}",
                                       std::string(providers::stringMember(part, "thoughtSignature"))});
    }
  }
}

} // namespace

std::vector<Candidate> readCandidates(const rapidjson::Value& response) {
  std::vector<Candidate> candidates;
  const rapidjson::Value* list = providers::findMember(response, "candidates");
  if (list == nullptr || !list->IsArray()) {
    return candidates;
  }
  for (rapidjson::SizeType position = 0; position < list->Size(); ++position) {
    const rapidjson::Value& entry = (*list)[position];
    Candidate candidate;
    const rapidjson::Value* index = providers::findMember(entry, "index");
    candidate.index = index != nullptr && index->IsInt() ? index->GetInt() : static_cast<int>(position);
    if (const rapidjson::Value* content = providers::findMember(entry, "content")) {
      readParts(*content, candidate);
    }
    candidate.finishReason = std::string(providers::stringMember(entry, "finishReason"));
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

std::string_view promptBlockReason(const rapidjson::Value& response) {
  const rapidjson::Value* feedback = providers::findMember(response, "promptFeedback");
  return feedback == nullptr ? std::string_view() : providers::stringMember(*feedback, "blockReason");
}

} // namespace gatehouse::plugins::gemini
