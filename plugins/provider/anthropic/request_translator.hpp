// An OpenAI chat completions request body as an Anthropic Messages API request body.
// Pure: no I/O. Every field is either translated, ignored (when it cannot change the
// answer) or refused with a 400 naming it; see field_policy.hpp and docs/providers.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::plugins::anthropic {

struct RequestOptions {
  std::string upstreamModel;           // replaces the client's "model"
  bool stream = false;                 // the client asked for a stream
  std::optional<int> defaultMaxTokens; // provider config; else the per-model table
};

struct TranslatedRequest {
  std::string body;                        // the Anthropic JSON
  bool includeUsage = false;               // stream_options.include_usage
  std::optional<std::string> responseTool; // json_schema: the tool whose input is the answer
};

// Throws sdk::Error(GH_ERROR_INVALID_ARGUMENT) for a body that is not a JSON object or a
// field that cannot be translated faithfully.
TranslatedRequest translateRequest(std::string_view openAiBody, const RequestOptions& options);

} // namespace gatehouse::plugins::anthropic
