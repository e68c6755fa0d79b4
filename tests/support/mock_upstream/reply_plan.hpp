// The deterministic reply the mock gives, decided once per request and then written in
// each provider's wire format. Stream and non-stream answers carry the same text.
//
// Rules (docs/providers.md, "Mock upstream"):
//  - text: "Echo: <last user message text>" ("Echo." when that text is empty).
//  - stream pieces: one per word (a word keeps the spaces after it); `chunks:<n>` pads the
//    text with " mock" words or merges words so there are exactly n pieces.
//  - a max-tokens limit below the text's tokens truncates it and finishes with "length".
//  - tool calls: when the request declares tools, tool choice is not "none", and either
//    the scenario says `tool-call[:n]`, the last user text contains "call tool", or the
//    tool choice forces a call. Call i uses tool i modulo the number of tools (or the
//    forced tool); its arguments fill each schema property by type. No text then.
//  - tokens: ceil(bytes / 4) of all message text (prompt) and of the reply text plus tool
//    names and arguments (output).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario.hpp"

namespace gatehouse::mock {

struct ToolDeclaration {
  std::string name;
  // Top-level schema properties in declaration order: name and JSON type ("string", ...).
  std::vector<std::pair<std::string, std::string>> properties;
};

enum class ToolChoice { Auto, None, Required, Named };

// What a request asked for, reduced to what decides the reply.
struct ConversationFacts {
  std::string lastUserText;
  std::size_t promptBytes = 0;
  std::vector<ToolDeclaration> tools;
  ToolChoice toolChoice = ToolChoice::Auto;
  std::string forcedTool; // with ToolChoice::Named
  std::optional<std::uint64_t> maxTokens;
};

enum class FinishReason { Stop, Length, ToolCalls };

struct PlannedToolCall {
  std::string id; // unique; providers add their own prefix ("call_", "toolu_")
  std::string name;
  std::string arguments;                   // one JSON object
  std::vector<std::string> argumentPieces; // at least two, each valid UTF-8
};

struct TokenUsage {
  std::uint64_t prompt = 0;     // all input tokens, cached ones included
  std::uint64_t output = 0;     // visible output tokens
  std::uint64_t reasoning = 0;  // hidden thinking tokens, from the scenario
  std::uint64_t cached = 0;     // part of `prompt` read from a cache
  std::uint64_t cacheWrite = 0; // part of `prompt` written to a cache (Anthropic)
};

struct ReplyPlan {
  std::string text;
  std::vector<std::string> textPieces;
  std::vector<PlannedToolCall> toolCalls;
  FinishReason finish = FinishReason::Stop;
  TokenUsage usage;
};

ReplyPlan planReply(const ConversationFacts& facts, const Scenario& scenario);

// ceil(bytes / 4): the mock's one token rule.
std::uint64_t tokensForBytes(std::size_t bytes);

// Splits text after each run of spaces; the pieces concatenate back to the text.
std::vector<std::string> splitWords(const std::string& text);

} // namespace gatehouse::mock
