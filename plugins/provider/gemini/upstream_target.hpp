// Where and how one configured gemini provider reaches the API: URLs for a model's methods
// and the request headers (x-goog-api-key, never a ?key= query parameter, so the key stays
// out of URLs, proxies' logs and error messages naming the URL). The key is chosen per
// exchange (keyFor): the host's pool credential when it hands one, else the configured key.
#pragma once

#include <gatehouse/sdk/upstream.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gemini_error.hpp"

namespace gatehouse::plugins::gemini {

class UpstreamTarget {
public:
  // `apiKey` is the resolved configured key, empty when the config has none.
  UpstreamTarget(std::string providerName, std::string baseUrl, std::string apiVersion, std::string apiKey,
                 std::vector<std::pair<std::string, std::string>> extraHeaders);

  // The key an exchange sends and redacts: `credential` (the one the host chose from the
  // provider's pool) when there is one, else the configured key. Throws
  // sdk::Error(GH_ERROR_UNAVAILABLE) naming the provider when there is neither.
  std::string_view keyFor(std::string_view credential) const;

  // "models/<name>" for a plain model name; "models/..." and "tunedModels/..." are kept.
  // Characters outside [A-Za-z0-9-._~/] are percent-encoded, so a model name cannot
  // change the path or add a query.
  static std::string modelResource(std::string_view upstreamModel);

  // {base_url}/{api_version}/{resource}:{method}, e.g. ".../v1beta/models/x:generateContent".
  std::string methodUrl(std::string_view resource, std::string_view method) const;
  // {base_url}/{api_version}/{path}, e.g. ".../v1beta/models?pageSize=1000".
  std::string url(std::string_view path) const;

  // A request with x-goog-api-key: `apiKey` (from keyFor), the extra headers and, when
  // `body` is not empty, Content-Type: application/json.
  sdk::UpstreamRequest request(std::string_view apiKey, std::string method, std::string url,
                               std::string body) const;

  // For translating errors: the provider name and `apiKey`, the key the exchange sent, to
  // mask. Views into this object and `apiKey`.
  ErrorContext errors(std::string_view apiKey) const noexcept { return ErrorContext{providerName_, apiKey}; }
  const std::string& providerName() const noexcept { return providerName_; }

private:
  std::string providerName_;
  std::string baseUrl_;
  std::string apiVersion_;
  std::string apiKey_;
  std::vector<std::pair<std::string, std::string>> extraHeaders_;
};

} // namespace gatehouse::plugins::gemini
