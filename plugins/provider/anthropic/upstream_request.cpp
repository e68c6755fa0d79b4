#include "upstream_request.hpp"

#include <cctype>

namespace gatehouse::plugins::anthropic {
namespace {

void addCommonHeaders(const AnthropicConfig& config, std::string_view apiKey, sdk::UpstreamRequest& request) {
  request.headers.emplace_back("x-api-key", apiKey);
  request.headers.emplace_back("anthropic-version", config.anthropicVersion);
  if (!config.anthropicBeta.empty()) {
    std::string beta;
    for (const std::string& feature : config.anthropicBeta) {
      beta.append(beta.empty() ? "" : ",").append(feature);
    }
    request.headers.emplace_back("anthropic-beta", std::move(beta));
  }
}

void addExtraHeaders(const AnthropicConfig& config, sdk::UpstreamRequest& request) {
  for (const auto& header : config.extraHeaders) {
    request.headers.push_back(header);
  }
}

std::string percentEncoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

} // namespace

sdk::UpstreamRequest messagesRequest(const AnthropicConfig& config, std::string_view apiKey,
                                     std::string body) {
  sdk::UpstreamRequest request;
  request.method = "POST";
  request.url = config.baseUrl + "/v1/messages";
  addCommonHeaders(config, apiKey, request);
  request.headers.emplace_back("content-type", "application/json");
  addExtraHeaders(config, request);
  request.body = std::move(body);
  return request;
}

sdk::UpstreamRequest modelsRequest(const AnthropicConfig& config, std::string_view apiKey,
                                   std::string_view afterId) {
  sdk::UpstreamRequest request;
  request.method = "GET";
  request.url = config.baseUrl + "/v1/models?limit=1000";
  if (!afterId.empty()) {
    request.url += "&after_id=" + percentEncoded(afterId);
  }
  addCommonHeaders(config, apiKey, request);
  addExtraHeaders(config, request);
  return request;
}

} // namespace gatehouse::plugins::anthropic
