// Where and how one configured gemini provider reaches the API: URLs for a model's methods
// and the request headers (x-goog-api-key, never a ?key= query parameter, so the key stays
// out of URLs, proxies' logs and error messages naming the URL).
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
  UpstreamTarget(std::string providerName, std::string baseUrl, std::string apiVersion, std::string apiKey,
                 std::vector<std::pair<std::string, std::string>> extraHeaders);

  // "models/<name>" for a plain model name; "models/..." and "tunedModels/..." are kept.
  // Characters outside [A-Za-z0-9-._~/] are percent-encoded, so a model name cannot
  // change the path or add a query.
  static std::string modelResource(std::string_view upstreamModel);

  // {base_url}/{api_version}/{resource}:{method}, e.g. ".../v1beta/models/x:generateContent".
  std::string methodUrl(std::string_view resource, std::string_view method) const;
  // {base_url}/{api_version}/{path}, e.g. ".../v1beta/models?pageSize=1000".
  std::string url(std::string_view path) const;

  // A request with the provider's headers (key, extra headers) and, when `body` is not
  // empty, Content-Type: application/json.
  sdk::UpstreamRequest request(std::string method, std::string url, std::string body) const;

  // For translating errors: the provider name and the key to mask. Views into this object.
  ErrorContext errors() const noexcept { return ErrorContext{providerName_, apiKey_}; }
  const std::string& providerName() const noexcept { return providerName_; }

private:
  std::string providerName_;
  std::string baseUrl_;
  std::string apiVersion_;
  std::string apiKey_;
  std::vector<std::pair<std::string, std::string>> extraHeaders_;
};

} // namespace gatehouse::plugins::gemini
