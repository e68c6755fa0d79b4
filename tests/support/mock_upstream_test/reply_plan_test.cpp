// The deterministic reply rules the gateway's tests rely on (docs/providers.md).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <numeric>

#include "encoding.hpp"
#include "reply_plan.hpp"

namespace gatehouse::mock {
namespace {

ConversationFacts facts(std::string lastUser, std::size_t promptBytes = 0) {
  ConversationFacts f;
  f.lastUserText = std::move(lastUser);
  f.promptBytes = promptBytes;
  return f;
}

std::string joined(const std::vector<std::string>& pieces) {
  return std::accumulate(pieces.begin(), pieces.end(), std::string());
}

TEST(ReplyPlan, EchoesTheLastUserMessage) {
  auto plan = planReply(facts("hello there"), {});
  EXPECT_EQ(plan.text, "Echo: hello there");
  EXPECT_EQ(plan.finish, FinishReason::Stop);
  EXPECT_TRUE(plan.toolCalls.empty());
}

TEST(ReplyPlan, EmptyMessageStillAnswers) {
  EXPECT_EQ(planReply(facts(""), {}).text, "Echo.");
}

TEST(ReplyPlan, StreamPiecesAreWordsThatRebuildTheText) {
  auto plan = planReply(facts("one  two three"), {});
  EXPECT_EQ(plan.textPieces, (std::vector<std::string>{"Echo: ", "one  ", "two ", "three"}));
  EXPECT_EQ(joined(plan.textPieces), plan.text);
}

TEST(ReplyPlan, ChunksPadsToExactCount) {
  Scenario s;
  s.chunks = 6;
  auto plan = planReply(facts("hi"), s);
  ASSERT_EQ(plan.textPieces.size(), 6u);
  EXPECT_EQ(plan.text, "Echo: hi mock mock mock mock");
  EXPECT_EQ(joined(plan.textPieces), plan.text);
}

TEST(ReplyPlan, ChunksMergesToExactCount) {
  Scenario s;
  s.chunks = 2;
  auto plan = planReply(facts("a b c d e"), s);
  ASSERT_EQ(plan.textPieces.size(), 2u);
  EXPECT_EQ(joined(plan.textPieces), "Echo: a b c d e");
}

TEST(ReplyPlan, MaxTokensTruncatesAndFinishesWithLength) {
  auto f = facts("a fairly long message that needs many tokens");
  f.maxTokens = 2;
  auto plan = planReply(f, {});
  EXPECT_EQ(plan.text, "Echo: a ");
  EXPECT_EQ(plan.finish, FinishReason::Length);
  EXPECT_EQ(plan.usage.output, 2u);
}

TEST(ReplyPlan, TruncationKeepsUtf8Whole) {
  auto f = facts("a\xC3\xA9\xC3\xA9"); // "aéé"
  f.maxTokens = 2;                     // 8 bytes would end inside the first "é"
  auto plan = planReply(f, {});
  EXPECT_TRUE(isValidUtf8(plan.text));
  EXPECT_EQ(plan.text, "Echo: a");
}

TEST(ReplyPlan, TokensAreBytesOverFourRoundedUp) {
  EXPECT_EQ(tokensForBytes(0), 0u);
  EXPECT_EQ(tokensForBytes(1), 1u);
  EXPECT_EQ(tokensForBytes(4), 1u);
  EXPECT_EQ(tokensForBytes(5), 2u);
  auto plan = planReply(facts("hello there", 41), {});
  EXPECT_EQ(plan.usage.prompt, 11u);
  EXPECT_EQ(plan.usage.output, 5u); // "Echo: hello there" is 17 bytes
}

TEST(ReplyPlan, CacheCountsComeFromTheScenarioAndStayWithinThePrompt) {
  Scenario s;
  s.cachedTokens = 3;
  s.cacheWriteTokens = 100;
  s.reasoningTokens = 7;
  auto plan = planReply(facts("x", 20), s);
  EXPECT_EQ(plan.usage.prompt, 5u);
  EXPECT_EQ(plan.usage.cached, 3u);
  EXPECT_EQ(plan.usage.cacheWrite, 2u);
  EXPECT_EQ(plan.usage.reasoning, 7u);
}

ConversationFacts withTools(std::string lastUser) {
  auto f = facts(std::move(lastUser));
  f.tools.push_back({"get_weather", {{"city", "string"}, {"days", "integer"}, {"metric", "boolean"}}});
  f.tools.push_back({"no_params", {}});
  return f;
}

TEST(ReplyPlan, NoToolCallUnlessAsked) {
  EXPECT_TRUE(planReply(withTools("what is up"), {}).toolCalls.empty());
}

TEST(ReplyPlan, PhraseAsksForOneToolCall) {
  auto plan = planReply(withTools("Please CALL TOOL now"), {});
  ASSERT_EQ(plan.toolCalls.size(), 1u);
  EXPECT_EQ(plan.toolCalls[0].name, "get_weather");
  EXPECT_EQ(plan.finish, FinishReason::ToolCalls);
  EXPECT_TRUE(plan.text.empty());
  EXPECT_TRUE(plan.textPieces.empty());
}

TEST(ReplyPlan, ScenarioAsksForSeveralCallsCyclingTools) {
  Scenario s;
  s.toolCalls = 3;
  auto plan = planReply(withTools("hi"), s);
  ASSERT_EQ(plan.toolCalls.size(), 3u);
  EXPECT_EQ(plan.toolCalls[0].name, "get_weather");
  EXPECT_EQ(plan.toolCalls[1].name, "no_params");
  EXPECT_EQ(plan.toolCalls[2].name, "get_weather");
  EXPECT_NE(plan.toolCalls[0].id, plan.toolCalls[2].id);
}

TEST(ReplyPlan, ArgumentsAreJsonFilledBySchemaAndSplit) {
  Scenario s;
  s.toolCalls = 2;
  auto plan = planReply(withTools("Paris"), s);
  for (const auto& call : plan.toolCalls) {
    EXPECT_GE(call.argumentPieces.size(), 2u) << call.arguments;
    EXPECT_EQ(joined(call.argumentPieces), call.arguments);
    rapidjson::Document args;
    args.Parse(call.arguments.c_str());
    ASSERT_TRUE(args.IsObject()) << call.arguments;
  }
  rapidjson::Document first;
  first.Parse(plan.toolCalls[0].arguments.c_str());
  EXPECT_STREQ(first["city"].GetString(), "Paris");
  EXPECT_EQ(first["days"].GetInt(), 1);
  EXPECT_TRUE(first["metric"].GetBool());
  rapidjson::Document second;
  second.Parse(plan.toolCalls[1].arguments.c_str());
  EXPECT_STREQ(second["input"].GetString(), "Paris");
}

TEST(ReplyPlan, ArgumentPiecesNeverSplitACharacter) {
  Scenario s;
  s.toolCalls = 1;
  auto plan =
      planReply(withTools("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC"), s); // "€€€€€"
  for (const auto& piece : plan.toolCalls[0].argumentPieces)
    EXPECT_TRUE(isValidUtf8(piece));
}

TEST(ReplyPlan, ToolChoiceNoneWins) {
  auto f = withTools("call tool");
  f.toolChoice = ToolChoice::None;
  Scenario s;
  s.toolCalls = 2;
  EXPECT_TRUE(planReply(f, s).toolCalls.empty());
}

TEST(ReplyPlan, ForcedToolIsCalledWithoutBeingAsked) {
  auto f = withTools("hello");
  f.toolChoice = ToolChoice::Named;
  f.forcedTool = "no_params";
  auto plan = planReply(f, {});
  ASSERT_EQ(plan.toolCalls.size(), 1u);
  EXPECT_EQ(plan.toolCalls[0].name, "no_params");
}

TEST(ReplyPlan, ToolUsageCountsNamesAndArguments) {
  auto plan = planReply(withTools("call tool"), {});
  const auto& call = plan.toolCalls[0];
  EXPECT_EQ(plan.usage.output, tokensForBytes(call.name.size() + call.arguments.size()));
}

} // namespace
} // namespace gatehouse::mock
