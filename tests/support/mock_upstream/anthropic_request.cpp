#include "anthropic_request.hpp"

#include "json_text.hpp"
#include "tool_schema.hpp"

namespace gatehouse::mock {
namespace {

// Text of a content value: a string or an array of blocks. Text blocks count; so do the
// texts inside tool_result blocks, which is where a tool's answer comes back.
std::string blocksText(const rapidjson::Value* content, std::size_t& bytes) {
  if (!content)
    return {};
  if (content->IsString()) {
    bytes += content->GetStringLength();
    return std::string(stringView(*content));
  }
  std::string text;
  if (!content->IsArray())
    return text;
  for (const auto& block : content->GetArray()) {
    auto type = stringMember(block, "type");
    if (type == "text") {
      auto blockText = stringMember(block, "text").value_or("");
      bytes += blockText.size();
      if (!text.empty())
        text += ' ';
      text += blockText;
    } else if (type == "tool_result") {
      std::size_t ignored = 0;
      auto resultText = blocksText(member(block, "content"), ignored);
      bytes += ignored;
      if (text.empty())
        text = resultText;
    }
  }
  return text;
}

void readTools(const rapidjson::Value& body, ConversationFacts& facts) {
  const auto* tools = member(body, "tools");
  if (tools && tools->IsArray()) {
    for (const auto& tool : tools->GetArray()) {
      // Server tools (web search, ...) have no input_schema and are not the client's to call.
      auto name = stringMember(tool, "name");
      const auto* schema = member(tool, "input_schema");
      if (name && schema)
        facts.tools.push_back(toolDeclaration(*name, schema));
    }
  }
  const auto* choice = member(body, "tool_choice");
  auto type = choice ? stringMember(*choice, "type") : std::nullopt;
  if (type == "none") {
    facts.toolChoice = ToolChoice::None;
  } else if (type == "any") {
    facts.toolChoice = ToolChoice::Required;
  } else if (type == "tool") {
    facts.toolChoice = ToolChoice::Named;
    facts.forcedTool = std::string(stringMember(*choice, "name").value_or(""));
  }
}

} // namespace

std::optional<RequestProblem> readAnthropicRequest(const rapidjson::Value& body, bool forCounting,
                                                   AnthropicRequest& out) {
  auto model = stringMember(body, "model");
  if (!model)
    return RequestProblem{"model: Field required", "model"};
  out.model = std::string(*model);
  auto maxTokens = intMember(body, "max_tokens");
  if (!forCounting) {
    if (!maxTokens)
      return RequestProblem{"max_tokens: Field required", "max_tokens"};
    if (*maxTokens < 1)
      return RequestProblem{"max_tokens: Input should be greater than or equal to 1", "max_tokens"};
    out.facts.maxTokens = static_cast<std::uint64_t>(*maxTokens);
  }
  const auto* messages = member(body, "messages");
  if (!messages || !messages->IsArray())
    return RequestProblem{"messages: Field required", "messages"};
  if (messages->Empty())
    return RequestProblem{"messages: at least one message is required", "messages"};
  blocksText(member(body, "system"), out.facts.promptBytes);
  for (const auto& message : messages->GetArray()) {
    auto role = stringMember(message, "role");
    if (role != "user" && role != "assistant")
      return RequestProblem{"messages: Unexpected role. Allowed roles are \"user\" and \"assistant\".",
                            "messages"};
    auto text = blocksText(member(message, "content"), out.facts.promptBytes);
    if (role == "user")
      out.facts.lastUserText = std::move(text);
  }
  readTools(body, out.facts);
  out.stream = boolMember(body, "stream", false);
  return std::nullopt;
}

} // namespace gatehouse::mock
