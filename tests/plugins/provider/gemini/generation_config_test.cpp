#include <gtest/gtest.h>

#include <ostream>

#include "client_error.hpp"
#include "gemini_test_support.hpp"
#include "generation_config.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::sameJson;

// The generationConfig for an OpenAI body, or "{}" when none is added.
std::string configFor(std::string_view body) {
  rapidjson::Document request(rapidjson::kObjectType);
  translateGenerationConfig(parsed(body), request, request.GetAllocator());
  const rapidjson::Value* config = providers::findMember(request, "generationConfig");
  return config == nullptr ? "{}" : providers::toJson(*config);
}

providers::OpenAiError refusal(std::string_view body) {
  try {
    configFor(body);
  } catch (const ClientError& error) {
    return error.error();
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

TEST(GenerationConfigTest, TranslatesSamplingFields) {
  EXPECT_TRUE(sameJson(configFor(R"({"temperature":0.2,"top_p":0.9,"max_tokens":256,"stop":["END","##"],
                                     "n":2,"seed":42,"presence_penalty":0.5,"frequency_penalty":-0.25})"),
                       R"({"temperature":0.2,"topP":0.9,"maxOutputTokens":256,"stopSequences":["END","##"],
                           "candidateCount":2,"seed":42,"presencePenalty":0.5,"frequencyPenalty":-0.25})"));
}

TEST(GenerationConfigTest, PassesTopKThrough) {
  EXPECT_TRUE(sameJson(configFor(R"({"top_k":40})"), R"({"topK":40})"));
}

TEST(GenerationConfigTest, PrefersMaxCompletionTokens) {
  EXPECT_TRUE(
      sameJson(configFor(R"({"max_tokens":10,"max_completion_tokens":20})"), R"({"maxOutputTokens":20})"));
}

TEST(GenerationConfigTest, TakesASingleStopString) {
  EXPECT_TRUE(sameJson(configFor(R"({"stop":"\n\n"})"), R"({"stopSequences":["\n\n"]})"));
  EXPECT_TRUE(sameJson(configFor(R"({"stop":[]})"), "{}"));
}

TEST(GenerationConfigTest, LeavesOutZeroPenaltiesAndUnsetFields) {
  EXPECT_TRUE(sameJson(
      configFor(R"({"presence_penalty":0,"frequency_penalty":0.0,"temperature":null,"stop":null})"), "{}"));
}

TEST(GenerationConfigTest, AsksForJsonOutput) {
  EXPECT_TRUE(sameJson(configFor(R"({"response_format":{"type":"json_object"}})"),
                       R"({"responseMimeType":"application/json"})"));
  EXPECT_TRUE(sameJson(configFor(R"({"response_format":{"type":"text"}})"), "{}"));
}

TEST(GenerationConfigTest, SendsAJsonSchemaAsACleanedResponseSchema) {
  EXPECT_TRUE(sameJson(
      configFor(R"({"response_format":{"type":"json_schema","json_schema":{"name":"answer","strict":true,
                    "schema":{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],
                              "additionalProperties":false}}}})"),
      R"({"responseMimeType":"application/json",
          "responseSchema":{"type":"OBJECT","properties":{"answer":{"type":"STRING"}},
                            "required":["answer"]}})"));
}

TEST(GenerationConfigTest, MapsReasoningEffortToAThinkingBudget) {
  EXPECT_TRUE(
      sameJson(configFor(R"({"reasoning_effort":"none"})"), R"({"thinkingConfig":{"thinkingBudget":0}})"));
  EXPECT_TRUE(sameJson(configFor(R"({"reasoning_effort":"minimal"})"),
                       R"({"thinkingConfig":{"thinkingBudget":1024}})"));
  EXPECT_TRUE(
      sameJson(configFor(R"({"reasoning_effort":"low"})"), R"({"thinkingConfig":{"thinkingBudget":1024}})"));
  EXPECT_TRUE(sameJson(configFor(R"({"reasoning_effort":"medium"})"),
                       R"({"thinkingConfig":{"thinkingBudget":8192}})"));
  EXPECT_TRUE(sameJson(configFor(R"({"reasoning_effort":"high"})"),
                       R"({"thinkingConfig":{"thinkingBudget":24576}})"));
}

struct BadField {
  std::string body;
  std::string param;
};

std::ostream& operator<<(std::ostream& out, const BadField& value) {
  return out << value.body;
}

class GenerationConfigRefusalTest : public ::testing::TestWithParam<BadField> {};

TEST_P(GenerationConfigRefusalTest, NamesTheField) {
  const auto error = refusal(GetParam().body);
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.type, "invalid_request_error");
  EXPECT_EQ(error.param, GetParam().param);
}

INSTANTIATE_TEST_SUITE_P(
    WrongTypes, GenerationConfigRefusalTest,
    ::testing::Values(BadField{R"({"temperature":"hot"})", "temperature"},
                      BadField{R"({"top_p":true})", "top_p"}, BadField{R"({"max_tokens":0})", "max_tokens"},
                      BadField{R"({"max_completion_tokens":1.5})", "max_completion_tokens"},
                      BadField{R"({"stop":[1]})", "stop"}, BadField{R"({"n":-1})", "n"},
                      BadField{R"({"seed":"x"})", "seed"},
                      BadField{R"({"presence_penalty":"x"})", "presence_penalty"},
                      BadField{R"({"response_format":{"type":"yaml"}})", "response_format.type"},
                      BadField{R"({"response_format":"json"})", "response_format"},
                      BadField{R"({"response_format":{"type":"json_schema"}})",
                               "response_format.json_schema"},
                      BadField{R"({"reasoning_effort":"extreme"})", "reasoning_effort"},
                      BadField{R"({"top_k":0})", "top_k"}));

} // namespace
} // namespace gatehouse::plugins::gemini
