// Ids for the tool calls Gemini returns (its functionCall parts carry none an OpenAI client
// could rely on). Clients only echo them back in tool messages, where the request side
// maps them to function names, so they need to be unique, not meaningful.
#pragma once

#include <string>

namespace gatehouse::plugins::gemini {

class ToolCallIds {
public:
  virtual ~ToolCallIds() = default;
  virtual std::string next() = 0;
};

// "call_" followed by 24 random hex digits (96 bits), like OpenAI's own ids. Thread-safe:
// each thread draws from its own generator.
class RandomToolCallIds final : public ToolCallIds {
public:
  std::string next() override;
};

} // namespace gatehouse::plugins::gemini
