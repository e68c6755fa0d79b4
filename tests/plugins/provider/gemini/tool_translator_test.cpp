#include <gtest/gtest.h>

#include "client_error.hpp"
#include "gemini_test_support.hpp"
#include "tool_translator.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::sameJson;

constexpr std::string_view kTools = R"("tools":[
  {"type":"function","function":{"name":"get_weather","description":"Weather now","strict":true,
    "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
                  "additionalProperties":false}}},
  {"type":"function","function":{"name":"now","parameters":{"type":"object","properties":{}}}}])";

std::string translated(std::string_view body) {
  rapidjson::Document request(rapidjson::kObjectType);
  translateTools(parsed(body), request, request.GetAllocator());
  return providers::toJson(request);
}

std::string withTools(std::string_view extra) {
  return "{" + std::string(kTools) + (extra.empty() ? "" : ",") + std::string(extra) + "}";
}

providers::OpenAiError refusal(std::string_view body) {
  try {
    translated(body);
  } catch (const ClientError& error) {
    return error.error();
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

std::string callingConfig(std::string_view choice) {
  const rapidjson::Document request =
      parsed(translated(withTools(R"("tool_choice":)" + std::string(choice))));
  return providers::toJson(request["toolConfig"]["functionCallingConfig"]);
}

TEST(ToolTranslatorTest, DeclaresFunctionsWithCleanedParameters) {
  EXPECT_TRUE(sameJson(translated(withTools("")), R"({"tools":[{"functionDeclarations":[
      {"name":"get_weather","description":"Weather now",
       "parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}},
      {"name":"now"}]}]})"));
}

TEST(ToolTranslatorTest, MapsEachToolChoice) {
  EXPECT_TRUE(sameJson(callingConfig(R"("auto")"), R"({"mode":"AUTO"})"));
  EXPECT_TRUE(sameJson(callingConfig(R"("none")"), R"({"mode":"NONE"})"));
  EXPECT_TRUE(sameJson(callingConfig(R"("required")"), R"({"mode":"ANY"})"));
  EXPECT_TRUE(sameJson(callingConfig(R"({"type":"function","function":{"name":"now"}})"),
                       R"({"mode":"ANY","allowedFunctionNames":["now"]})"));
  EXPECT_TRUE(sameJson(callingConfig(R"({"type":"allowed_tools","allowed_tools":{"mode":"required","tools":[
                           {"type":"function","function":{"name":"now"}},
                           {"type":"function","function":{"name":"get_weather"}}]}})"),
                       R"({"mode":"ANY","allowedFunctionNames":["now","get_weather"]})"));
}

TEST(ToolTranslatorTest, AddsNothingWithoutTools) {
  EXPECT_TRUE(sameJson(translated(R"({"tool_choice":"required"})"), "{}"));
  EXPECT_TRUE(sameJson(translated(R"({"tools":[],"tool_choice":"auto"})"), "{}"));
  EXPECT_TRUE(sameJson(translated(R"({"tools":null})"), "{}"));
}

TEST(ToolTranslatorTest, RefusesToolsGeminiCannotCall) {
  const auto error = refusal(R"({"tools":[{"type":"web_search_preview"}]})");
  EXPECT_EQ(error.param, "tools[0].type");
  EXPECT_NE(error.message.find("'web_search_preview'"), std::string::npos);
  EXPECT_EQ(refusal(R"({"tools":[{"type":"function","function":{"description":"x"}}]})").param,
            "tools[0].function.name");
  EXPECT_EQ(refusal(R"({"tools":{"type":"function"}})").param, "tools");
}

TEST(ToolTranslatorTest, RefusesToolChoicesItCannotExpress) {
  EXPECT_EQ(refusal(withTools(R"("tool_choice":"sometimes")")).param, "tool_choice");
  EXPECT_EQ(refusal(withTools(R"("tool_choice":{"type":"function","function":{}})")).param,
            "tool_choice.function.name");
  EXPECT_EQ(refusal(withTools(R"("tool_choice":{"type":"allowed_tools","allowed_tools":{"mode":"auto",
                                   "tools":[{"type":"function","function":{"name":"now"}}]}})"))
                .param,
            "tool_choice.allowed_tools.mode");
}

TEST(ToolTranslatorTest, RefusesAParameterSchemaGeminiCannotTake) {
  const auto error = refusal(R"({"tools":[{"type":"function","function":{"name":"f",
      "parameters":{"type":"object","properties":{"n":{"$ref":"#"}}}}}]})");
  EXPECT_EQ(error.param, "tools[0].function.parameters");
}

} // namespace
} // namespace gatehouse::plugins::gemini
