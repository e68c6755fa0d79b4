#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "response_format.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

ResponseFormatPlan planFor(const std::string& json, rapidjson::Document& out) {
  const rapidjson::Document format = test::parse(json);
  return planResponseFormat(&format, out.GetAllocator());
}

std::string refusal(const std::string& json) {
  rapidjson::Document out;
  try {
    planFor(json, out);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    return error.what();
  }
  return "";
}

TEST(ResponseFormat, AbsentAndTextNeedNothing) {
  rapidjson::Document out;
  const ResponseFormatPlan absent = planResponseFormat(nullptr, out.GetAllocator());
  EXPECT_FALSE(absent.systemInstruction);
  EXPECT_FALSE(absent.toolName);
  const ResponseFormatPlan text = planFor(R"({"type":"text"})", out);
  EXPECT_FALSE(text.systemInstruction);
  EXPECT_FALSE(text.toolName);
}

TEST(ResponseFormat, JsonObjectAsksForJsonInTheSystemPrompt) {
  rapidjson::Document out;
  const ResponseFormatPlan plan = planFor(R"({"type":"json_object"})", out);
  EXPECT_EQ(plan.systemInstruction.value_or(""), kJsonObjectInstruction);
  EXPECT_FALSE(plan.toolName);
}

TEST(ResponseFormat, JsonSchemaBecomesATool) {
  rapidjson::Document out;
  const ResponseFormatPlan plan = planFor(
      R"({"type":"json_schema","json_schema":{"name":"person","description":"A person.","strict":true,)"
      R"("schema":{"type":"object","properties":{"age":{"type":"integer"}}}}})",
      out);
  EXPECT_EQ(plan.toolName.value_or(""), "person");
  EXPECT_EQ(test::dump(plan.tool),
            R"({"name":"person","description":"A person.",)"
            R"("input_schema":{"type":"object","properties":{"age":{"type":"integer"}}}})");
}

TEST(ResponseFormat, AnUnnamedSchemaGetsTheDefaultToolName) {
  rapidjson::Document out;
  const ResponseFormatPlan plan =
      planFor(R"({"type":"json_schema","json_schema":{"schema":{"type":"object"}}})", out);
  EXPECT_EQ(plan.toolName.value_or(""), kDefaultResponseToolName);
}

TEST(ResponseFormat, RefusesWhatCannotBeATool) {
  EXPECT_NE(refusal(R"({"type":"yaml"})").find("'response_format.type'"), std::string::npos);
  EXPECT_NE(refusal(R"({})").find("'response_format.type'"), std::string::npos);
  EXPECT_NE(refusal(R"({"type":"json_schema"})").find("'response_format.json_schema'"), std::string::npos);
  EXPECT_NE(refusal(R"({"type":"json_schema","json_schema":{"name":"x","schema":{"type":"array"}}})")
                .find("'response_format.json_schema.schema'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"type":"json_schema","json_schema":{"name":"x"}})")
                .find("'response_format.json_schema.schema'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"type":"json_schema","json_schema":{"name":"","schema":{"type":"object"}}})")
                .find("'response_format.json_schema.name'"),
            std::string::npos);
}

} // namespace
} // namespace gatehouse::plugins::anthropic
