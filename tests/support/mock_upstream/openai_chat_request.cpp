#include "openai_chat_request.hpp"

#include "json_text.hpp"
#include "tool_schema.hpp"

namespace gatehouse::mock {
namespace {

// Text of a message's content: a string, or an array of parts whose "text" parts count.
std::string contentText(const rapidjson::Value* content, std::size_t& bytes) {
  if (!content)
    return {};
  if (content->IsString()) {
    bytes += content->GetStringLength();
    return std::string(stringView(*content));
  }
  std::string text;
  if (!content->IsArray())
    return text;
  for (const auto& part : content->GetArray()) {
    auto partText = stringMember(part, "text");
    if (!partText)
      continue;
    bytes += partText->size();
    if (!text.empty())
      text += ' ';
    text += *partText;
  }
  return text;
}

void readTools(const rapidjson::Value& body, ConversationFacts& facts) {
  const auto* tools = member(body, "tools");
  if (tools && tools->IsArray()) {
    for (const auto& tool : tools->GetArray()) {
      const auto* function = member(tool, "function");
      auto name = function ? stringMember(*function, "name") : std::nullopt;
      if (name)
        facts.tools.push_back(toolDeclaration(*name, member(*function, "parameters")));
    }
  }
  const auto* choice = member(body, "tool_choice");
  if (!choice)
    return;
  if (choice->IsString()) {
    auto mode = stringView(*choice);
    facts.toolChoice = mode == "none"       ? ToolChoice::None
                       : mode == "required" ? ToolChoice::Required
                                            : ToolChoice::Auto;
  } else if (const auto* function = member(*choice, "function")) {
    if (auto name = stringMember(*function, "name")) {
      facts.toolChoice = ToolChoice::Named;
      facts.forcedTool = std::string(*name);
    }
  }
}

} // namespace

std::optional<RequestProblem> readOpenAiChatRequest(const rapidjson::Value& body, bool modelRequired,
                                                    OpenAiChatRequest& out) {
  if (auto model = stringMember(body, "model"))
    out.model = std::string(*model);
  else if (modelRequired)
    return RequestProblem{"you must provide a model parameter", ""};

  const auto* messages = member(body, "messages");
  if (!messages || !messages->IsArray())
    return RequestProblem{"Missing required parameter: 'messages'.", "messages"};
  if (messages->Empty())
    return RequestProblem{"[] is too short - 'messages'", "messages"};
  for (const auto& message : messages->GetArray()) {
    auto role = stringMember(message, "role");
    if (!role)
      return RequestProblem{"Missing required parameter: 'messages[].role'.", "messages"};
    auto text = contentText(member(message, "content"), out.facts.promptBytes);
    if (*role == "user")
      out.facts.lastUserText = std::move(text);
  }
  readTools(body, out.facts);

  if (auto limit = intMember(body, "max_completion_tokens"); limit && *limit >= 0)
    out.facts.maxTokens = static_cast<std::uint64_t>(*limit);
  else if (auto legacy = intMember(body, "max_tokens"); legacy && *legacy >= 0)
    out.facts.maxTokens = static_cast<std::uint64_t>(*legacy);

  out.stream = boolMember(body, "stream", false);
  if (const auto* options = member(body, "stream_options")) {
    if (!out.stream && !options->IsNull())
      return RequestProblem{"The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                            "stream_options"};
    out.includeUsage = boolMember(*options, "include_usage", false);
  }
  if (auto n = intMember(body, "n")) {
    if (*n < 1 || *n > 128)
      return RequestProblem{"Invalid 'n': integer must be between 1 and 128.", "n"};
    out.choices = static_cast<int>(*n);
  }
  return std::nullopt;
}

} // namespace gatehouse::mock
