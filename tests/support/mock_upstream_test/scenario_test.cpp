// The scenario language tests use to make the mock misbehave.
#include <gtest/gtest.h>

#include "scenario.hpp"

namespace gatehouse::mock {
namespace {

using namespace std::chrono_literals;

TEST(ScenarioHeader, ReadsEveryItem) {
  Scenario s;
  ASSERT_EQ(
      applyScenarioHeader("fail:429:rate_limit_error, stall:10 ,drip:20,slow-body:30,cut:4,midstream-error,"
                          "chunks:7,tool-call:3,cached:5,cache-write:6,reasoning:8,retry-after:2",
                          s),
      "");
  ASSERT_TRUE(s.fail);
  EXPECT_EQ(s.fail->status, 429);
  EXPECT_EQ(s.fail->errorType, "rate_limit_error");
  EXPECT_EQ(s.stall, 10ms);
  EXPECT_EQ(s.drip, 20ms);
  EXPECT_EQ(s.slowBody, 30ms);
  EXPECT_EQ(s.cutAfter, 4u);
  EXPECT_TRUE(s.midstreamError);
  EXPECT_EQ(s.midstreamErrorType, "");
  EXPECT_EQ(s.chunks, 7u);
  EXPECT_EQ(s.toolCalls, 3u);
  EXPECT_EQ(s.cachedTokens, 5u);
  EXPECT_EQ(s.cacheWriteTokens, 6u);
  EXPECT_EQ(s.reasoningTokens, 8u);
  EXPECT_EQ(s.retryAfterSeconds, 2);
  EXPECT_FALSE(s.reset);
}

TEST(ScenarioHeader, OptionalArgumentsHaveDefaults) {
  Scenario s;
  ASSERT_EQ(applyScenarioHeader("fail:503,tool-call,reset,midstream-error:api_error", s), "");
  EXPECT_EQ(s.fail->status, 503);
  EXPECT_EQ(s.fail->errorType, "");
  EXPECT_EQ(s.toolCalls, 1u);
  EXPECT_TRUE(s.reset);
  EXPECT_EQ(s.midstreamErrorType, "api_error");
}

TEST(ScenarioHeader, EmptyAndOkChangeNothing) {
  Scenario s;
  EXPECT_EQ(applyScenarioHeader("", s), "");
  EXPECT_EQ(applyScenarioHeader(" ok , ", s), "");
  EXPECT_FALSE(s.fail);
  EXPECT_EQ(s.stall, 0ms);
}

TEST(ScenarioHeader, RejectsWhatItCannotRead) {
  for (const char* bad :
       {"explode", "fail", "fail:abc", "fail:99", "fail:600", "stall", "stall:-1", "stall:999999999",
        "drip:1:2", "cut:x", "chunks:0", "tool-call:0", "tool-call:65", "reset:1", "ok:1", "retry-after:x"}) {
    Scenario s;
    EXPECT_NE(applyScenarioHeader(bad, s), "") << bad;
  }
}

TEST(ScenarioHeader, ErrorNamesTheItem) {
  Scenario s;
  EXPECT_NE(applyScenarioHeader("drip:10,bogus:1", s).find("bogus"), std::string::npos);
}

TEST(ModelScenario, PlainModelIsUntouched) {
  Scenario s;
  std::string model;
  ASSERT_EQ(applyModelScenario("gpt-4o", s, model), "");
  EXPECT_EQ(model, "gpt-4o");
  ASSERT_EQ(applyModelScenario("mock-without-slash", s, model), "");
  EXPECT_EQ(model, "mock-without-slash");
  EXPECT_FALSE(s.fail);
}

TEST(ModelScenario, PrefixIsStrippedAndApplied) {
  Scenario s;
  std::string model;
  ASSERT_EQ(applyModelScenario("mock-fail-429-insufficient_quota+drip-5/gpt-4o", s, model), "");
  EXPECT_EQ(model, "gpt-4o");
  EXPECT_EQ(s.fail->status, 429);
  EXPECT_EQ(s.fail->errorType, "insufficient_quota");
  EXPECT_EQ(s.drip, 5ms);
}

TEST(ModelScenario, HyphenatedNamesMatchWhole) {
  // "midstream-error" and "tool-call" contain the argument separator themselves.
  Scenario s;
  std::string model;
  ASSERT_EQ(
      applyModelScenario("mock-tool-call-2+midstream-error+slow-body-40+cache-write-9/claude-x", s, model),
      "");
  EXPECT_EQ(model, "claude-x");
  EXPECT_EQ(s.toolCalls, 2u);
  EXPECT_TRUE(s.midstreamError);
  EXPECT_EQ(s.slowBody, 40ms);
  EXPECT_EQ(s.cacheWriteTokens, 9u);
}

TEST(ModelScenario, ModelMayContainSlashes) {
  Scenario s;
  std::string model;
  ASSERT_EQ(applyModelScenario("mock-chunks-3/org/model", s, model), "");
  EXPECT_EQ(model, "org/model");
  EXPECT_EQ(s.chunks, 3u);
}

TEST(ModelScenario, UnknownItemIsAnError) {
  Scenario s;
  std::string model;
  EXPECT_NE(applyModelScenario("mock-gpt/x", s, model), "");
  EXPECT_NE(applyModelScenario("mock-fail-abc/x", s, model), "");
}

} // namespace
} // namespace gatehouse::mock
