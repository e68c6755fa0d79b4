// Every field the anthropic provider refuses gives a 400 naming it; every field it
// ignores is accepted.
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "field_policy.hpp"
#include "fixture.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

struct Case {
  const char* name;
  const char* member; // one "key": value pair
  const char* param;  // the parameter the message must name; nullptr: accepted
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
  return out << c.member;
}

class FieldPolicy : public ::testing::TestWithParam<Case> {};

TEST_P(FieldPolicy, RefusesOrAcceptsTheField) {
  const Case& c = GetParam();
  const rapidjson::Document request =
      test::parse(std::string(R"({"model":"m","messages":[],)") + c.member + "}");
  if (c.param == nullptr) {
    EXPECT_NO_THROW(checkFieldPolicy(request));
    return;
  }
  try {
    checkFieldPolicy(request);
    FAIL() << c.member << " was accepted";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(error.what()).find("'" + std::string(c.param) + "'"), std::string::npos)
        << error.what();
  }
}

const Case kCases[] = {
    {"NGreaterThanOne", R"("n": 2)", "n"},
    {"NZero", R"("n": 0)", "n"},
    {"NOne", R"("n": 1)", nullptr},
    {"LogprobsTrue", R"("logprobs": true)", "logprobs"},
    {"LogprobsFalse", R"("logprobs": false)", nullptr},
    {"TopLogprobs", R"("top_logprobs": 3)", "top_logprobs"},
    {"TopLogprobsZero", R"("top_logprobs": 0)", nullptr},
    {"PresencePenalty", R"("presence_penalty": 0.5)", "presence_penalty"},
    {"PresencePenaltyZero", R"("presence_penalty": 0)", nullptr},
    {"FrequencyPenalty", R"("frequency_penalty": -1)", "frequency_penalty"},
    {"FrequencyPenaltyZero", R"("frequency_penalty": 0.0)", nullptr},
    {"LogitBias", R"("logit_bias": {"50256": -100})", "logit_bias"},
    {"LogitBiasEmpty", R"("logit_bias": {})", nullptr},
    {"AudioModality", R"("modalities": ["text", "audio"])", "modalities"},
    {"TextModality", R"("modalities": ["text"])", nullptr},
    {"Audio", R"("audio": {"voice": "alloy", "format": "wav"})", "audio"},
    {"ReasoningEffort", R"("reasoning_effort": "high")", "reasoning_effort"},
    {"ReasoningEffortNone", R"("reasoning_effort": "none")", nullptr},
    {"WebSearch", R"("web_search_options": {})", "web_search_options"},
    {"Functions", R"("functions": [{"name": "f"}])", "functions"},
    {"FunctionCall", R"("function_call": "auto")", "function_call"},
    {"UnknownField", R"("top_k": 5)", "top_k"},
    {"AnotherUnknownField", R"("verbosity": "low")", "verbosity"},
    {"Seed", R"("seed": 42)", nullptr},
    {"ServiceTier", R"("service_tier": "flex")", nullptr},
    {"Store", R"("store": true)", nullptr},
    {"Metadata", R"("metadata": {"k": "v"})", nullptr},
    {"Prediction", R"("prediction": {"type": "content", "content": "x"})", nullptr},
    {"PromptCacheKey", R"("prompt_cache_key": "k")", nullptr},
    {"StreamOptions", R"("stream_options": {"include_usage": true})", nullptr},
    {"NullRefusable", R"("logprobs": null)", nullptr},
};

INSTANTIATE_TEST_SUITE_P(Fields, FieldPolicy, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& testInfo) {
                           return std::string(testInfo.param.name);
                         });

} // namespace
} // namespace gatehouse::plugins::anthropic
