// What translating one Anthropic answer back needs to know about the request.
#pragma once

#include <chat_identity.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::plugins::anthropic {

struct ReplyContext {
  providers::ChatIdentity identity;        // id, created and the public model name
  bool includeUsage = false;               // the client's stream_options.include_usage
  std::optional<std::string> responseTool; // json_schema: its call's input is the content
  std::string providerName;                // the configured name, for error messages
  std::string_view apiKey;                 // the key the exchange sent, redacted from errors
};

} // namespace gatehouse::plugins::anthropic
