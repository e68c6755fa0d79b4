#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "finish_reason.hpp"

namespace gatehouse::plugins::gemini {
namespace {

struct FinishCase {
  std::string gemini;
  bool calledFunctions;
  std::string openAi;
};

std::ostream& operator<<(std::ostream& out, const FinishCase& value) {
  return out << value.gemini << (value.calledFunctions ? " with calls" : "") << " -> " << value.openAi;
}

class FinishReasonTest : public ::testing::TestWithParam<FinishCase> {};

TEST_P(FinishReasonTest, MapsGeminiToOpenAi) {
  EXPECT_EQ(openAiFinishReason(GetParam().gemini, GetParam().calledFunctions), GetParam().openAi)
      << GetParam().gemini;
}

INSTANTIATE_TEST_SUITE_P(
    AllReasons, FinishReasonTest,
    ::testing::Values(
        FinishCase{"STOP", false, "stop"}, FinishCase{"STOP", true, "tool_calls"},
        FinishCase{"MAX_TOKENS", false, "length"}, FinishCase{"MAX_TOKENS", true, "length"},
        FinishCase{"SAFETY", false, "content_filter"}, FinishCase{"RECITATION", false, "content_filter"},
        FinishCase{"BLOCKLIST", false, "content_filter"},
        FinishCase{"PROHIBITED_CONTENT", false, "content_filter"}, FinishCase{"SPII", true, "content_filter"},
        FinishCase{"IMAGE_SAFETY", false, "content_filter"}, FinishCase{"LANGUAGE", false, "stop"},
        FinishCase{"OTHER", false, "stop"}, FinishCase{"MALFORMED_FUNCTION_CALL", false, "stop"},
        FinishCase{"FINISH_REASON_UNSPECIFIED", false, "stop"},
        FinishCase{"SOMETHING_NEW", true, "tool_calls"}, FinishCase{"", false, "stop"}));

} // namespace
} // namespace gatehouse::plugins::gemini
