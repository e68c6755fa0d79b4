#include "upstream_target.hpp"

#include <cctype>

namespace gatehouse::plugins::openai {

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

UpstreamTarget::UpstreamTarget(const OpenAiConfig& config, std::string apiKey)
    : flavor_(config.flavor), baseUrl_(config.baseUrl), apiVersion_(config.apiVersion),
      apiKey_(std::move(apiKey)) {
  if (!config.organization.empty()) {
    keylessHeaders_.emplace_back("OpenAI-Organization", config.organization);
  }
  if (!config.project.empty()) {
    keylessHeaders_.emplace_back("OpenAI-Project", config.project);
  }
  keylessHeaders_.insert(keylessHeaders_.end(), config.extraHeaders.begin(), config.extraHeaders.end());
}

std::vector<std::pair<std::string, std::string>> UpstreamTarget::headers(std::string_view apiKey) const {
  // Room for the key and the Content-Type and Accept the endpoints add, so that building
  // the request allocates the vector once.
  constexpr std::size_t kHeadersAdded = 3;
  std::vector<std::pair<std::string, std::string>> headers;
  headers.reserve(keylessHeaders_.size() + kHeadersAdded);
  if (!apiKey.empty()) {
    if (flavor_ == Flavor::Azure) {
      headers.emplace_back("api-key", apiKey);
    } else {
      std::string bearer = "Bearer ";
      bearer.append(apiKey);
      headers.emplace_back("Authorization", std::move(bearer));
    }
  }
  headers.insert(headers.end(), keylessHeaders_.begin(), keylessHeaders_.end());
  return headers;
}

std::string UpstreamTarget::url(std::string_view path, std::string_view upstreamModel) const {
  if (flavor_ == Flavor::Azure) {
    return baseUrl_ + "/openai/deployments/" + percentEncode(upstreamModel) + "/" + std::string(path) +
           "?api-version=" + percentEncode(apiVersion_);
  }
  return baseUrl_ + "/" + std::string(path);
}

std::string UpstreamTarget::modelsUrl() const {
  if (flavor_ == Flavor::Azure) {
    return baseUrl_ + "/openai/models?api-version=" + percentEncode(apiVersion_);
  }
  return baseUrl_ + "/models";
}

} // namespace gatehouse::plugins::openai
