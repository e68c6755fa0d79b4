// POST /v1/chat/completions against generateContent (whole answers) or
// streamGenerateContent?alt=sse (streams), through the host's upstream I/O.
#pragma once

#include <gatehouse/sdk/exchange.hpp>

#include <cstdint>
#include <string>

#include "tool_call_ids.hpp"
#include "upstream_target.hpp"

namespace gatehouse::plugins::gemini {

struct ChatSettings {
  std::string safetySettingsJson; // GeminiConfig::safetySettingsJson
  bool fillMissingThoughtSignatures = false;
};

// Answers the client and reports usage (also for a stream the client left or the upstream
// cut: what had arrived counts). Throws ClientError before anything was sent (the provider
// answers with it) and sdk::Error once a stream has started, or (UpstreamTarget::keyFor)
// when the exchange has no key.
void serveChat(sdk::Exchange& exchange, const UpstreamTarget& target, const ChatSettings& settings,
               ToolCallIds& ids, std::int64_t now);

} // namespace gatehouse::plugins::gemini
