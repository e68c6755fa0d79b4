// Where and how one configured provider's requests go: the URL of each endpoint (OpenAI's
// {base_url}/{path}, or Azure's deployment URLs) and the headers every request carries
// (the key as Authorization: Bearer or Azure's api-key, organization, project, extras).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "openai_config.hpp"

namespace gatehouse::plugins::openai {

class UpstreamTarget {
public:
  // `apiKey` is the resolved secret, empty for a server that needs none.
  UpstreamTarget(const OpenAiConfig& config, std::string apiKey);

  // The URL of an endpoint `path` such as "chat/completions" for `upstreamModel`:
  // OpenAI: {base_url}/{path}; Azure: {base_url}/openai/deployments/{model}/{path}?api-version=V.
  std::string url(std::string_view path, std::string_view upstreamModel) const;
  // The model list: {base_url}/models, or Azure's {base_url}/openai/models?api-version=V.
  std::string modelsUrl() const;
  // The headers every request carries, in this order: the key, OpenAI-Organization,
  // OpenAI-Project, then extra_headers.
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  // The resolved key, so error text can be searched for it; never log it.
  const std::string& apiKey() const { return apiKey_; }

private:
  Flavor flavor_;
  std::string baseUrl_;
  std::string apiVersion_;
  std::string apiKey_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string percentEncode(std::string_view text);

} // namespace gatehouse::plugins::openai
