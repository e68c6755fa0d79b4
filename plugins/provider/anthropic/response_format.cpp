#include "response_format.hpp"

#include "request_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

constexpr std::string_view kDefaultToolDescription =
    "Answer the user by calling this tool once: its input is the whole answer.";

ResponseFormatPlan schemaTool(const rapidjson::Value& responseFormat, providers::JsonAllocator& allocator) {
  const rapidjson::Value* spec = providers::findSet(responseFormat, "json_schema");
  if (spec == nullptr || !spec->IsObject()) {
    refuseParam("response_format.json_schema", "must be an object");
  }
  const rapidjson::Value* schema = providers::findSet(*spec, "schema");
  const rapidjson::Value* schemaType = schema != nullptr ? providers::findSet(*schema, "type") : nullptr;
  // Anthropic tool inputs are always objects; OpenAI's structured outputs demand the same.
  if (schema == nullptr || !schema->IsObject() || schemaType == nullptr || !schemaType->IsString() ||
      providers::stringView(*schemaType) != "object") {
    refuseParam("response_format.json_schema.schema", "must be a JSON Schema of \"type\": \"object\"");
  }
  const rapidjson::Value* name = providers::findSet(*spec, "name");
  if (name != nullptr && (!name->IsString() || name->GetStringLength() == 0)) {
    refuseParam("response_format.json_schema.name", "must be a non-empty string");
  }
  const rapidjson::Value* description = providers::findSet(*spec, "description");
  if (description != nullptr && !description->IsString()) {
    refuseParam("response_format.json_schema.description", "must be a string");
  }

  ResponseFormatPlan plan;
  plan.toolName =
      name != nullptr ? std::string(providers::stringView(*name)) : std::string(kDefaultResponseToolName);
  plan.tool.SetObject();
  plan.tool.AddMember("name", providers::stringValue(*plan.toolName, allocator), allocator);
  plan.tool.AddMember("description",
                      providers::stringValue(description != nullptr ? providers::stringView(*description)
                                                                    : kDefaultToolDescription,
                                             allocator),
                      allocator);
  plan.tool.AddMember("input_schema", rapidjson::Value(*schema, allocator), allocator);
  return plan;
}

} // namespace

ResponseFormatPlan planResponseFormat(const rapidjson::Value* responseFormat,
                                      providers::JsonAllocator& allocator) {
  if (responseFormat == nullptr) {
    return {};
  }
  const rapidjson::Value* type = providers::findSet(*responseFormat, "type");
  if (type == nullptr || !type->IsString()) {
    refuseParam("response_format.type", "must be a string");
  }
  const std::string_view kind = providers::stringView(*type);
  if (kind == "text") {
    return {};
  }
  if (kind == "json_object") {
    ResponseFormatPlan plan;
    plan.systemInstruction = std::string(kJsonObjectInstruction);
    return plan;
  }
  if (kind == "json_schema") {
    return schemaTool(*responseFormat, allocator);
  }
  refuseParam("response_format.type", "must be 'text', 'json_object' or 'json_schema'");
}

} // namespace gatehouse::plugins::anthropic
