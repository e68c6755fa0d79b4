#include "api_key_config.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <string>

namespace gatehouse::plugins::api_key {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_CONFIG, "api_key plugin config: " + why);
}

std::vector<KeyHeader> readHeaders(const rapidjson::Value& value) {
  if (!value.IsArray() || value.Empty()) {
    refuse("headers must be a non-empty array of header names");
  }
  std::vector<KeyHeader> headers;
  for (const auto& item : value.GetArray()) {
    if (!item.IsString()) {
      refuse("headers must contain only strings");
    }
    const std::string_view name(item.GetString(), item.GetStringLength());
    const std::optional<KeyHeader> header = keyHeaderNamed(name);
    if (!header) {
      refuse("headers: unknown header '" + std::string(name) +
             "' (allowed: authorization, x-api-key, x-goog-api-key)");
    }
    if (std::find(headers.begin(), headers.end(), *header) != headers.end()) {
      refuse("headers: '" + std::string(headerName(*header)) + "' is listed twice");
    }
    headers.push_back(*header);
  }
  return headers;
}

} // namespace

ApiKeyConfig parseApiKeyConfig(std::string_view json) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) {
    refuse("expected a JSON object");
  }
  ApiKeyConfig config;
  for (const auto& member : document.GetObject()) {
    const std::string key(member.name.GetString(), member.name.GetStringLength());
    if (key == "headers") {
      config.headers = readHeaders(member.value);
    } else {
      // A typo in the operator's config must fail start-up, not be silently ignored.
      refuse("unknown key '" + key + "'");
    }
  }
  return config;
}

} // namespace gatehouse::plugins::api_key
