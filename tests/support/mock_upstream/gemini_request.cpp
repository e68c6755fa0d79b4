#include "gemini_request.hpp"

#include "json_text.hpp"
#include "tool_schema.hpp"

namespace gatehouse::mock {
namespace {

// Text parts count; so do function responses (as their JSON), which carry tool results.
std::string partsText(const rapidjson::Value& content, std::size_t& bytes) {
  std::string text;
  const auto* parts = member(content, "parts");
  if (!parts || !parts->IsArray())
    return text;
  for (const auto& part : parts->GetArray()) {
    if (auto partText = stringMember(part, "text")) {
      bytes += partText->size();
      if (!text.empty())
        text += ' ';
      text += *partText;
    } else if (const auto* response = geminiMember(part, "functionResponse", "function_response")) {
      bytes += toJson(*response).size();
    }
  }
  return text;
}

void readTools(const rapidjson::Value& body, ConversationFacts& facts) {
  const auto* tools = member(body, "tools");
  if (tools && tools->IsArray()) {
    for (const auto& tool : tools->GetArray()) {
      const auto* declarations = geminiMember(tool, "functionDeclarations", "function_declarations");
      if (!declarations || !declarations->IsArray())
        continue;
      for (const auto& declaration : declarations->GetArray()) {
        auto name = stringMember(declaration, "name");
        const auto* schema = member(declaration, "parameters");
        if (!schema)
          schema = geminiMember(declaration, "parametersJsonSchema", "parameters_json_schema");
        if (name)
          facts.tools.push_back(toolDeclaration(*name, schema));
      }
    }
  }
  const auto* toolConfig = geminiMember(body, "toolConfig", "tool_config");
  const auto* calling =
      toolConfig ? geminiMember(*toolConfig, "functionCallingConfig", "function_calling_config") : nullptr;
  auto mode = calling ? stringMember(*calling, "mode") : std::nullopt;
  if (mode == "NONE") {
    facts.toolChoice = ToolChoice::None;
  } else if (mode == "ANY") {
    facts.toolChoice = ToolChoice::Required;
    const auto* allowed = geminiMember(*calling, "allowedFunctionNames", "allowed_function_names");
    if (allowed && allowed->IsArray() && allowed->Size() == 1 && (*allowed)[0].IsString()) {
      facts.toolChoice = ToolChoice::Named;
      facts.forcedTool = std::string(stringView((*allowed)[0]));
    }
  }
}

} // namespace

const rapidjson::Value* geminiMember(const rapidjson::Value& object, const char* camelName,
                                     const char* snakeName) {
  const auto* value = member(object, camelName);
  return value ? value : member(object, snakeName);
}

std::optional<RequestProblem> readGeminiRequest(const rapidjson::Value& body, ConversationFacts& out) {
  const auto* contents = member(body, "contents");
  if (!contents || !contents->IsArray() || contents->Empty())
    return RequestProblem{"* GenerateContentRequest.contents: contents is not specified\n", "contents"};
  if (const auto* system = geminiMember(body, "systemInstruction", "system_instruction"))
    partsText(*system, out.promptBytes);
  for (const auto& content : contents->GetArray()) {
    auto text = partsText(content, out.promptBytes);
    auto role = stringMember(content, "role").value_or("user");
    if (role == "user" && !text.empty())
      out.lastUserText = std::move(text);
  }
  readTools(body, out);
  const auto* config = geminiMember(body, "generationConfig", "generation_config");
  if (const auto* limit = config ? geminiMember(*config, "maxOutputTokens", "max_output_tokens") : nullptr;
      limit && limit->IsInt64() && limit->GetInt64() >= 0)
    out.maxTokens = static_cast<std::uint64_t>(limit->GetInt64());
  return std::nullopt;
}

} // namespace gatehouse::mock
