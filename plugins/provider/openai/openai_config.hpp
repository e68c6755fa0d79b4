// The openai provider's instance config (providers[].config). Every key is optional:
//   {"base_url": "https://api.openai.com/v1", "api_key": "env:OPENAI_API_KEY",
//    "organization": "org-...", "project": "proj_...", "extra_headers": {"X-A": "b"},
//    "stream_usage": true, "flavor": "openai" | "azure", "api_version": "2024-10-21"}
// Azure (flavor "azure") needs base_url (the resource, e.g. https://NAME.openai.azure.com)
// and api_version. A pool credential the host hands an exchange (providers[].credentials)
// is sent instead of api_key; with neither, requests go without a key (local servers).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::plugins::openai {

enum class Flavor { OpenAi, Azure };

struct OpenAiConfig {
  std::string baseUrl = "https://api.openai.com/v1"; // no trailing '/'
  std::optional<std::string> apiKey;                 // a secret reference, resolved at create
  std::string organization;                          // OpenAI-Organization, when not empty
  std::string project;                               // OpenAI-Project, when not empty
  std::vector<std::pair<std::string, std::string>> extraHeaders;
  bool streamUsage = true; // ask streams for a final usage chunk (stream_options.include_usage)
  Flavor flavor = Flavor::OpenAi;
  std::string apiVersion; // Azure's api-version query parameter
};

// Throws gatehouse::sdk::Error(GH_ERROR_CONFIG) naming the key for an unknown key, a wrong
// type or a value that cannot work (a base_url that is not http(s), a header the host
// owns, Azure without api_version, ...).
OpenAiConfig parseOpenAiConfig(std::string_view json);

} // namespace gatehouse::plugins::openai
