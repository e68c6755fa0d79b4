// tool_choice / parallel_tool_calls mapping, and how a json_schema response tool joins in.
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "tool_plan.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

constexpr const char* kTools =
    R"("tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}])";
constexpr const char* kSchemaFormat =
    R"({"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"}}})";

struct Planned {
  std::string tools;
  std::string toolChoice;
};

Planned plan(const std::string& requestMembers, const char* responseFormat = nullptr) {
  const rapidjson::Document request = test::parse("{" + requestMembers + "}");
  rapidjson::Document out;
  rapidjson::Document format;
  if (responseFormat != nullptr) {
    format.Parse(responseFormat);
  }
  ResponseFormatPlan formatPlan =
      planResponseFormat(responseFormat != nullptr ? &format : nullptr, out.GetAllocator());
  ToolPlan tools = planTools(request, formatPlan, out.GetAllocator());
  return {test::dump(tools.tools), test::dump(tools.toolChoice)};
}

std::string choiceFor(const std::string& members, const char* responseFormat = nullptr) {
  return plan(std::string(kTools) + (members.empty() ? "" : "," + members), responseFormat).toolChoice;
}

std::string refusal(const std::string& members, const char* responseFormat = nullptr) {
  try {
    plan(members, responseFormat);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    return error.what();
  }
  return "";
}

TEST(ToolPlan, MapsEveryToolChoice) {
  EXPECT_EQ(choiceFor(""), "null");
  EXPECT_EQ(choiceFor(R"("tool_choice":"auto")"), R"({"type":"auto"})");
  EXPECT_EQ(choiceFor(R"("tool_choice":"none")"), R"({"type":"none"})");
  EXPECT_EQ(choiceFor(R"("tool_choice":"required")"), R"({"type":"any"})");
  EXPECT_EQ(choiceFor(R"("tool_choice":{"type":"function","function":{"name":"lookup"}})"),
            R"({"type":"tool","name":"lookup"})");
}

TEST(ToolPlan, ParallelToolCallsFalseDisablesParallelUse) {
  EXPECT_EQ(choiceFor(R"("parallel_tool_calls":false)"),
            R"({"type":"auto","disable_parallel_tool_use":true})");
  EXPECT_EQ(
      choiceFor(
          R"("parallel_tool_calls":false,"tool_choice":{"type":"function","function":{"name":"lookup"}})"),
      R"({"type":"tool","name":"lookup","disable_parallel_tool_use":true})");
  EXPECT_EQ(choiceFor(R"("parallel_tool_calls":false,"tool_choice":"none")"), R"({"type":"none"})");
  EXPECT_EQ(choiceFor(R"("parallel_tool_calls":true)"), "null");
}

TEST(ToolPlan, WithoutToolsAutoAndNoneMeanNothing) {
  EXPECT_EQ(plan(R"("tool_choice":"auto")").toolChoice, "null");
  EXPECT_EQ(plan(R"("tool_choice":"none","parallel_tool_calls":false)").toolChoice, "null");
  EXPECT_EQ(plan(R"("tools":[])").tools, "null");
}

TEST(ToolPlan, RefusesForcingAToolWhenThereAreNone) {
  EXPECT_NE(refusal(R"("tool_choice":"required")").find("'tool_choice'"), std::string::npos);
  EXPECT_NE(refusal(R"("tool_choice":{"type":"function","function":{"name":"x"}})").find("'tool_choice'"),
            std::string::npos);
}

TEST(ToolPlan, RefusesMalformedToolsAndChoices) {
  EXPECT_NE(refusal(R"("tools":{})").find("'tools'"), std::string::npos);
  EXPECT_NE(refusal(R"("tools":[{"type":"code_interpreter"}])").find("'tools[0].type'"), std::string::npos);
  EXPECT_NE(refusal(R"("tools":[{"type":"function","function":{}}])").find("'tools[0].function.name'"),
            std::string::npos);
  EXPECT_NE(refusal(R"("tools":[{"type":"function","function":{"name":"f","parameters":[]}}])")
                .find("'tools[0].function.parameters'"),
            std::string::npos);
  EXPECT_NE(refusal(std::string(kTools) + R"(,"tool_choice":"sometimes")").find("'tool_choice'"),
            std::string::npos);
  EXPECT_NE(refusal(std::string(kTools) + R"(,"tool_choice":{"type":"function"})").find("'tool_choice'"),
            std::string::npos);
  EXPECT_NE(refusal(std::string(kTools) + R"(,"parallel_tool_calls":"no")").find("'parallel_tool_calls'"),
            std::string::npos);
}

TEST(ToolPlan, TheResponseToolIsForcedWhenTheClientHasNoCallableTools) {
  const Planned alone = plan("", kSchemaFormat);
  EXPECT_NE(alone.tools.find(R"("name":"answer")"), std::string::npos) << alone.tools;
  EXPECT_EQ(alone.toolChoice, R"({"type":"tool","name":"answer","disable_parallel_tool_use":true})");
  EXPECT_EQ(choiceFor(R"("tool_choice":"none")", kSchemaFormat),
            R"({"type":"tool","name":"answer","disable_parallel_tool_use":true})");
}

TEST(ToolPlan, TheResponseToolJoinsCallableClientTools) {
  const Planned joined = plan(kTools, kSchemaFormat);
  const rapidjson::Document tools = test::parse(joined.tools);
  ASSERT_EQ(tools.Size(), 2u);
  EXPECT_STREQ(tools[0]["name"].GetString(), "lookup");
  EXPECT_STREQ(tools[1]["name"].GetString(), "answer");
  EXPECT_EQ(joined.toolChoice, R"({"type":"any","disable_parallel_tool_use":true})");
  EXPECT_EQ(choiceFor(R"("tool_choice":"required")", kSchemaFormat),
            R"({"type":"any","disable_parallel_tool_use":true})");
  EXPECT_EQ(choiceFor(R"("tool_choice":{"type":"function","function":{"name":"lookup"}})", kSchemaFormat),
            R"({"type":"tool","name":"lookup","disable_parallel_tool_use":true})");
}

TEST(ToolPlan, RefusesAResponseToolNamedLikeAClientTool) {
  EXPECT_NE(
      refusal(kTools, R"({"type":"json_schema","json_schema":{"name":"lookup","schema":{"type":"object"}}})")
          .find("'response_format.json_schema.name'"),
      std::string::npos);
}

TEST(ToolPlan, PassesAToolsCacheControlThrough) {
  const Planned planned =
      plan(R"("tools":[{"type":"function","function":{"name":"f"},"cache_control":{"type":"ephemeral"}}])");
  EXPECT_EQ(planned.tools, R"([{"name":"f","input_schema":{"type":"object","properties":{}},)"
                           R"("cache_control":{"type":"ephemeral"}}])");
}

} // namespace
} // namespace gatehouse::plugins::anthropic
