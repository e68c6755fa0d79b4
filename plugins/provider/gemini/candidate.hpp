// What an OpenAI choice needs from one Gemini candidate (whole or one streamed piece).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::plugins::gemini {

struct FunctionCall {
  std::string name;
  std::string arguments;        // the args object as JSON text ("{}" when absent)
  std::string thoughtSignature; // the part's thoughtSignature; empty when none
};

struct Candidate {
  int index = 0;
  std::string text; // the non-thought text parts, joined
  std::vector<FunctionCall> calls;
  std::string finishReason; // Gemini's; empty while the candidate is still streaming
};

// The candidates of a GenerateContentResponse, in the order sent. A candidate without an
// "index" takes its position (proto3 JSON may leave out index 0). Thought parts (summaries
// of the model's thinking) are not part of the answer and are skipped.
std::vector<Candidate> readCandidates(const rapidjson::Value& response);

// promptFeedback.blockReason, or empty when the prompt was not blocked.
std::string_view promptBlockReason(const rapidjson::Value& response);

} // namespace gatehouse::plugins::gemini
