// Where and how one configured provider's requests go: the URL of each endpoint (OpenAI's
// {base_url}/{path}, or Azure's deployment URLs) and the headers every request carries
// (the key as Authorization: Bearer or Azure's api-key, organization, project, extras).
// The key is chosen per exchange: the host's pool credential when it hands one, else the
// configured key.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "openai_config.hpp"

namespace gatehouse::plugins::openai {

class UpstreamTarget {
public:
  // `apiKey` is the resolved configured secret, empty for a server that needs none.
  UpstreamTarget(const OpenAiConfig& config, std::string apiKey);

  // The URL of an endpoint `path` such as "chat/completions" for `upstreamModel`:
  // OpenAI: {base_url}/{path}; Azure: {base_url}/openai/deployments/{model}/{path}?api-version=V.
  std::string url(std::string_view path, std::string_view upstreamModel) const;
  // The model list: {base_url}/models, or Azure's {base_url}/openai/models?api-version=V.
  std::string modelsUrl() const;
  // The key an exchange sends: `credential` (the one the host chose from the provider's
  // pool) when there is one, else the configured key; empty when neither exists. Also the
  // key to redact from whatever the upstream answers that exchange. Never log it.
  std::string_view keyFor(std::string_view credential) const noexcept {
    return credential.empty() ? std::string_view(apiKey_) : credential;
  }
  // The headers a request sent with `apiKey` carries, in this order: the key (none when
  // empty), OpenAI-Organization, OpenAI-Project, then extra_headers.
  std::vector<std::pair<std::string, std::string>> headers(std::string_view apiKey) const;

private:
  Flavor flavor_;
  std::string baseUrl_;
  std::string apiVersion_;
  std::string apiKey_;
  // Everything but the key, which differs between exchanges when the provider has a pool.
  std::vector<std::pair<std::string, std::string>> keylessHeaders_;
};

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string percentEncode(std::string_view text);

} // namespace gatehouse::plugins::openai
