#include "anthropic_config.hpp"

#include <gatehouse/sdk/error.hpp>

#include <algorithm>
#include <array>
#include <cctype>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_CONFIG, "anthropic provider config: " + why);
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string readString(const rapidjson::Value& value, const std::string& key) {
  if (!value.IsString() || value.GetStringLength() == 0) {
    refuse(key + " must be a non-empty string");
  }
  return std::string(providers::stringView(value));
}

bool isTokenChar(char c) {
  // RFC 9110 tchar: header names are tokens.
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

void checkHeaderName(const std::string& name) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), isTokenChar)) {
    refuse("extra_headers: '" + name + "' is not a valid header name");
  }
  static constexpr std::array<std::string_view, 7> reserved{
      "x-api-key", "anthropic-version", "anthropic-beta", "content-type",
      "host",      "content-length",    "connection"};
  const std::string lower = lowercase(name);
  if (std::find(reserved.begin(), reserved.end(), lower) != reserved.end()) {
    refuse("extra_headers: '" + name + "' is set by the plugin or the host and cannot be overridden");
  }
}

std::vector<std::pair<std::string, std::string>> readHeaders(const rapidjson::Value& value) {
  if (!value.IsObject()) {
    refuse("extra_headers must be an object of header names to string values");
  }
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& member : value.GetObject()) {
    std::string name(providers::stringView(member.name));
    checkHeaderName(name);
    if (!member.value.IsString()) {
      refuse("extra_headers: the value of '" + name + "' must be a string");
    }
    std::string headerValue(providers::stringView(member.value));
    // A CR or LF would let a config value smuggle extra headers into the request.
    if (headerValue.find_first_of("\r\n") != std::string::npos) {
      refuse("extra_headers: the value of '" + name + "' must not contain line breaks");
    }
    headers.emplace_back(std::move(name), std::move(headerValue));
  }
  return headers;
}

std::vector<std::string> readBeta(const rapidjson::Value& value) {
  if (!value.IsArray()) {
    refuse("anthropic_beta must be an array of strings");
  }
  std::vector<std::string> features;
  for (const auto& item : value.GetArray()) {
    if (!item.IsString() || item.GetStringLength() == 0 ||
        std::string_view(item.GetString()).find_first_of(",\r\n") != std::string_view::npos) {
      refuse("anthropic_beta must hold non-empty strings without commas or line breaks");
    }
    features.emplace_back(providers::stringView(item));
  }
  return features;
}

std::string readBaseUrl(const rapidjson::Value& value) {
  std::string url = readString(value, "base_url");
  const std::string lower = lowercase(url);
  const bool http = lower.rfind("http://", 0) == 0 && url.size() > 7;
  const bool https = lower.rfind("https://", 0) == 0 && url.size() > 8;
  if (!(http || https) || url.find_first_of(" \r\n?#") != std::string::npos) {
    refuse("base_url must be an absolute http:// or https:// URL without query or fragment");
  }
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

} // namespace

AnthropicConfig parseAnthropicConfig(std::string_view json) {
  rapidjson::Document document;
  if (!providers::parseJson(json, document) || !document.IsObject()) {
    refuse("expected a JSON object");
  }
  AnthropicConfig config;
  for (const auto& member : document.GetObject()) {
    const std::string key(providers::stringView(member.name));
    const rapidjson::Value& value = member.value;
    if (key == "api_key") {
      config.apiKeyReference = readString(value, key);
    } else if (key == "base_url") {
      config.baseUrl = readBaseUrl(value);
    } else if (key == "anthropic_version") {
      config.anthropicVersion = readString(value, key);
      if (config.anthropicVersion.find_first_of("\r\n") != std::string::npos) {
        refuse("anthropic_version must not contain line breaks");
      }
    } else if (key == "anthropic_beta") {
      config.anthropicBeta = readBeta(value);
    } else if (key == "default_max_tokens") {
      if (!value.IsInt() || value.GetInt() < 1 || value.GetInt() > kMaxDefaultMaxTokens) {
        refuse("default_max_tokens must be an integer from 1 to " + std::to_string(kMaxDefaultMaxTokens));
      }
      config.defaultMaxTokens = value.GetInt();
    } else if (key == "extra_headers") {
      config.extraHeaders = readHeaders(value);
    } else {
      // A typo in the operator's config must fail start-up, not be silently ignored.
      refuse("unknown key '" + key + "'");
    }
  }
  return config;
}

} // namespace gatehouse::plugins::anthropic
