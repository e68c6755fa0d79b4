#include <gtest/gtest.h>

#include "candidate.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;

TEST(CandidateTest, JoinsTextAndCollectsFunctionCallsWithSignatures) {
  const auto candidates = readCandidates(parsed(R"({"candidates":[{"index":0,"finishReason":"STOP","content":{
      "role":"model","parts":[{"text":"Let me check. "},{"text":"One moment."},
      {"functionCall":{"name":"f","args":{"a":[1,2]}},"thoughtSignature":"c2ln"},
      {"functionCall":{"name":"g"}}]}}]})"));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].text, "Let me check. One moment.");
  ASSERT_EQ(candidates[0].calls.size(), 2u);
  EXPECT_EQ(candidates[0].calls[0].name, "f");
  EXPECT_EQ(candidates[0].calls[0].arguments, R"({"a":[1,2]})");
  EXPECT_EQ(candidates[0].calls[0].thoughtSignature, "c2ln");
  EXPECT_EQ(candidates[0].calls[1].arguments, "{}");
  EXPECT_EQ(candidates[0].calls[1].thoughtSignature, "");
  EXPECT_EQ(candidates[0].finishReason, "STOP");
}

TEST(CandidateTest, SkipsThoughtSummaries) {
  const auto candidates = readCandidates(parsed(R"({"candidates":[{"content":{"parts":[
      {"text":"**Planning**","thought":true},{"text":"Answer"}]}}]})"));
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].text, "Answer");
}

TEST(CandidateTest, TakesThePositionWhenTheIndexIsLeftOut) {
  const auto candidates = readCandidates(parsed(R"({"candidates":[{"content":{"parts":[{"text":"a"}]}},
                                                                  {"index":5},{"content":{}}]})"));
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_EQ(candidates[0].index, 0);
  EXPECT_EQ(candidates[1].index, 5);
  EXPECT_EQ(candidates[2].index, 2);
  EXPECT_EQ(candidates[2].text, "");
  EXPECT_EQ(candidates[1].finishReason, "");
}

TEST(CandidateTest, ReadsThePromptBlockReason) {
  EXPECT_EQ(promptBlockReason(parsed(R"({"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"}})")),
            "PROHIBITED_CONTENT");
  EXPECT_EQ(promptBlockReason(parsed(R"({"candidates":[]})")), "");
}

} // namespace
} // namespace gatehouse::plugins::gemini
