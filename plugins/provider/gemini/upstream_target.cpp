#include "upstream_target.hpp"

#include <cctype>

namespace gatehouse::plugins::gemini {

UpstreamTarget::UpstreamTarget(std::string providerName, std::string baseUrl, std::string apiVersion,
                               std::string apiKey,
                               std::vector<std::pair<std::string, std::string>> extraHeaders)
    : providerName_(std::move(providerName)), baseUrl_(std::move(baseUrl)),
      apiVersion_(std::move(apiVersion)), apiKey_(std::move(apiKey)), extraHeaders_(std::move(extraHeaders)) {
}

// Unlike Anthropic, Gemini has always allowed no key at all: a proxy in front of it may
// add one, so a keyless exchange is sent as it is.
std::string_view UpstreamTarget::keyFor(std::string_view credential) const {
  return credential.empty() ? std::string_view(apiKey_) : credential;
}

std::string UpstreamTarget::modelResource(std::string_view upstreamModel) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const bool qualified =
      upstreamModel.substr(0, 7) == "models/" || upstreamModel.substr(0, 12) == "tunedModels/";
  std::string resource = qualified ? "" : "models/";
  for (char c : upstreamModel) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      resource += c;
    } else {
      resource += '%';
      resource += kHex[byte >> 4];
      resource += kHex[byte & 15];
    }
  }
  return resource;
}

std::string UpstreamTarget::methodUrl(std::string_view resource, std::string_view method) const {
  return url(std::string(resource) + ":" + std::string(method));
}

std::string UpstreamTarget::url(std::string_view path) const {
  return baseUrl_ + "/" + apiVersion_ + "/" + std::string(path);
}

sdk::UpstreamRequest UpstreamTarget::request(std::string_view apiKey, std::string method, std::string url,
                                             std::string body) const {
  sdk::UpstreamRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  if (!body.empty()) {
    request.headers.emplace_back("Content-Type", "application/json");
  }
  if (!apiKey.empty()) {
    request.headers.emplace_back("x-goog-api-key", apiKey);
  }
  for (const auto& header : extraHeaders_) {
    request.headers.push_back(header);
  }
  request.body = std::move(body);
  return request;
}

} // namespace gatehouse::plugins::gemini
