#include <gtest/gtest.h>

#include "finish_reason.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

TEST(FinishReason, MapsEveryStopReason) {
  EXPECT_EQ(finishReasonFor("end_turn"), "stop");
  EXPECT_EQ(finishReasonFor("stop_sequence"), "stop");
  EXPECT_EQ(finishReasonFor("pause_turn"), "stop");
  EXPECT_EQ(finishReasonFor("max_tokens"), "length");
  EXPECT_EQ(finishReasonFor("model_context_window_exceeded"), "length");
  EXPECT_EQ(finishReasonFor("tool_use"), "tool_calls");
  EXPECT_EQ(finishReasonFor("refusal"), "content_filter");
  EXPECT_EQ(finishReasonFor(""), "stop");
  EXPECT_EQ(finishReasonFor("something_new"), "stop");
}

TEST(FinishReason, AnAnswerGivenThroughTheResponseToolIsAStop) {
  EXPECT_EQ(finishReasonFor("tool_use", true), "stop");
  EXPECT_EQ(finishReasonFor("max_tokens", true), "length");
}

} // namespace
} // namespace gatehouse::plugins::anthropic
