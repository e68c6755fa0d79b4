// A gemini provider's instance config (providers[].config), every key optional:
//   {"base_url": "https://generativelanguage.googleapis.com", "api_key": "env:GEMINI_API_KEY",
//    "api_version": "v1beta", "safety_settings": [{"category": "...", "threshold": "..."}],
//    "extra_headers": {"x-goog-user-project": "..."}, "fill_missing_thought_signatures": false}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::plugins::gemini {

struct GeminiConfig {
  std::string baseUrl = "https://generativelanguage.googleapis.com"; // no trailing '/'
  // A secret reference ("env:NAME" or "file:PATH"); the key is resolved when the provider is
  // created and sent as x-goog-api-key, unless the host hands the exchange a credential from
  // the provider's pool (providers[].credentials). Absent: every request needs a pool
  // credential, and one without fails before anything is sent.
  std::optional<std::string> apiKeyRef;
  std::string apiVersion = "v1beta";
  // The safetySettings array sent with every generateContent request, as JSON text; empty
  // when not configured (Gemini's defaults apply).
  std::string safetySettingsJson;
  std::vector<std::pair<std::string, std::string>> extraHeaders;
  // Sends Gemini's documented placeholder signature for function calls in the history that
  // have none, so Gemini 3 models accept histories that lost their thought signatures.
  bool fillMissingThoughtSignatures = false;
};

// Throws gatehouse::sdk::Error(GH_ERROR_CONFIG) naming the key for an unknown key, a wrong
// type or a bad value, so a typo stops the start instead of being ignored.
GeminiConfig parseGeminiConfig(std::string_view json);

} // namespace gatehouse::plugins::gemini
