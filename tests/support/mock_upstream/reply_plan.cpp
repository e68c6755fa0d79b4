#include "reply_plan.hpp"

#include <algorithm>
#include <cctype>

#include "encoding.hpp"
#include "json_text.hpp"
#include "unique_id.hpp"

namespace gatehouse::mock {
namespace {

constexpr std::size_t kArgumentPieceBytes = 8;
constexpr std::size_t kMaxEchoInArguments = 64;

bool asksForToolCall(const std::string& text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("call tool") != std::string::npos;
}

std::string argumentsFor(const ToolDeclaration& tool, const std::string& userText, std::size_t index) {
  auto echo = userText.substr(0, utf8Boundary(userText, kMaxEchoInArguments));
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  if (tool.properties.empty()) {
    json.Key("input");
    writeString(json, echo);
  }
  for (const auto& [name, type] : tool.properties) {
    writeKey(json, name);
    if (type == "string")
      writeString(json, echo);
    else if (type == "integer" || type == "number")
      json.Uint64(index + 1);
    else if (type == "boolean")
      json.Bool(true);
    else if (type == "array") {
      json.StartArray();
      json.EndArray();
    } else if (type == "object") {
      json.StartObject();
      json.EndObject();
    } else
      json.Null();
  }
  json.EndObject();
  return bufferText(buffer);
}

// Small pieces so even "{}" arrives in two deltas and a client must reassemble.
std::vector<std::string> splitArguments(const std::string& arguments) {
  std::vector<std::string> pieces;
  std::size_t pieceBytes = std::min(kArgumentPieceBytes, std::max<std::size_t>(1, arguments.size() / 2));
  std::size_t offset = 0;
  while (offset < arguments.size()) {
    auto end = utf8Boundary(arguments, offset + pieceBytes);
    if (end <= offset) { // one character longer than a piece: take it whole
      end = offset + 1;
      while (end < arguments.size() && (static_cast<unsigned char>(arguments[end]) & 0xC0) == 0x80)
        ++end;
    }
    pieces.push_back(arguments.substr(offset, end - offset));
    offset = end;
  }
  return pieces;
}

std::vector<std::string> fitPieces(std::vector<std::string> words, std::size_t count) {
  if (words.size() == count)
    return words;
  std::vector<std::string> pieces(count);
  for (std::size_t g = 0; g < count; ++g) {
    auto begin = g * words.size() / count;
    auto end = (g + 1) * words.size() / count;
    for (auto i = begin; i < end; ++i)
      pieces[g] += words[i];
  }
  return pieces;
}

std::vector<PlannedToolCall> planToolCalls(const ConversationFacts& facts, const Scenario& scenario) {
  if (facts.tools.empty() || facts.toolChoice == ToolChoice::None)
    return {};
  std::size_t count = 0;
  if (scenario.toolCalls)
    count = *scenario.toolCalls;
  else if (asksForToolCall(facts.lastUserText) || facts.toolChoice != ToolChoice::Auto)
    count = 1;
  std::vector<PlannedToolCall> calls;
  for (std::size_t i = 0; i < count; ++i) {
    const ToolDeclaration* tool = &facts.tools[i % facts.tools.size()];
    if (facts.toolChoice == ToolChoice::Named) {
      auto named = std::find_if(facts.tools.begin(), facts.tools.end(),
                                [&](const ToolDeclaration& t) { return t.name == facts.forcedTool; });
      if (named != facts.tools.end())
        tool = &*named;
    }
    PlannedToolCall call;
    call.id = uniqueId(24);
    call.name = tool->name;
    call.arguments = argumentsFor(*tool, facts.lastUserText, i);
    call.argumentPieces = splitArguments(call.arguments);
    calls.push_back(std::move(call));
  }
  return calls;
}

} // namespace

std::uint64_t tokensForBytes(std::size_t bytes) {
  return (bytes + 3) / 4;
}

std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    bool boundary = i == text.size() || (text[i] != ' ' && text[i - 1] == ' ');
    if (boundary) {
      words.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return words;
}

ReplyPlan planReply(const ConversationFacts& facts, const Scenario& scenario) {
  ReplyPlan plan;
  plan.toolCalls = planToolCalls(facts, scenario);
  std::size_t outputBytes = 0;
  if (!plan.toolCalls.empty()) {
    plan.finish = FinishReason::ToolCalls;
    for (const auto& call : plan.toolCalls)
      outputBytes += call.name.size() + call.arguments.size();
  } else {
    plan.text = facts.lastUserText.empty() ? "Echo." : "Echo: " + facts.lastUserText;
    auto words = splitWords(plan.text);
    if (scenario.chunks && words.size() < *scenario.chunks) {
      for (auto missing = *scenario.chunks - words.size(); missing > 0; --missing)
        plan.text += " mock";
      words = splitWords(plan.text);
    }
    if (facts.maxTokens && tokensForBytes(plan.text.size()) > *facts.maxTokens) {
      plan.text.resize(utf8Boundary(plan.text, static_cast<std::size_t>(*facts.maxTokens) * 4));
      plan.finish = FinishReason::Length;
      words = splitWords(plan.text);
    }
    plan.textPieces = scenario.chunks && !words.empty() && plan.finish != FinishReason::Length
                          ? fitPieces(std::move(words), *scenario.chunks)
                          : std::move(words);
    outputBytes = plan.text.size();
  }
  plan.usage.prompt = tokensForBytes(facts.promptBytes);
  plan.usage.output = tokensForBytes(outputBytes);
  plan.usage.reasoning = scenario.reasoningTokens;
  plan.usage.cached = std::min(scenario.cachedTokens, plan.usage.prompt);
  plan.usage.cacheWrite = std::min(scenario.cacheWriteTokens, plan.usage.prompt - plan.usage.cached);
  return plan;
}

} // namespace gatehouse::mock
