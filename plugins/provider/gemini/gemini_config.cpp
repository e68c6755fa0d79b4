#include "gemini_config.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_CONFIG, "gemini provider config: " + why);
}

std::string readString(const rapidjson::Value& value, const std::string& key) {
  if (!value.IsString() || value.GetStringLength() == 0) {
    refuse(key + " must be a non-empty string");
  }
  return std::string(providers::stringView(value));
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string readBaseUrl(const rapidjson::Value& value) {
  std::string url = readString(value, "base_url");
  if (!startsWith(url, "http://") && !startsWith(url, "https://")) {
    refuse("base_url must start with http:// or https://");
  }
  if (url.find_first_of("?# ") != std::string::npos) {
    refuse("base_url must not contain a query, a fragment or spaces");
  }
  while (url.size() > 1 && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

std::string readApiVersion(const rapidjson::Value& value) {
  std::string version = readString(value, "api_version");
  const bool simple = std::all_of(version.begin(), version.end(),
                                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
  if (!simple) {
    refuse("api_version must be letters and digits, e.g. v1beta or v1");
  }
  return version;
}

std::string readSafetySettings(const rapidjson::Value& value) {
  if (!value.IsArray()) {
    refuse("safety_settings must be an array of {\"category\", \"threshold\"} objects");
  }
  for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
    const rapidjson::Value& setting = value[i];
    const rapidjson::Value* category = providers::findMember(setting, "category");
    const rapidjson::Value* threshold = providers::findMember(setting, "threshold");
    if (category == nullptr || !category->IsString() || threshold == nullptr || !threshold->IsString()) {
      refuse("safety_settings[" + std::to_string(i) + "] must have string category and threshold");
    }
  }
  return providers::toJson(value);
}

// Only a reference belongs in the config; the value itself is never echoed, in case an
// operator pasted the key there.
std::string readApiKeyRef(const rapidjson::Value& value) {
  std::string reference = readString(value, "api_key");
  if (!startsWith(reference, "env:") && !startsWith(reference, "file:")) {
    refuse("api_key must be a secret reference, \"env:NAME\" or \"file:PATH\", never the key itself");
  }
  return reference;
}

bool isHeaderToken(std::string_view name) {
  static constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || kSymbols.find(c) != std::string_view::npos;
  });
}

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::pair<std::string, std::string>> readExtraHeaders(const rapidjson::Value& value) {
  // The host owns framing headers; the key and content type are the plugin's own.
  static constexpr std::array<std::string_view, 6> kReserved = {
      "host", "content-length", "connection", "transfer-encoding", "x-goog-api-key", "content-type"};
  if (!value.IsObject()) {
    refuse("extra_headers must be an object of header name to string value");
  }
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& member : value.GetObject()) {
    const std::string name(providers::stringView(member.name));
    if (!isHeaderToken(name)) {
      refuse("extra_headers has an invalid header name '" + name + "'");
    }
    if (std::find(kReserved.begin(), kReserved.end(), lowered(name)) != kReserved.end()) {
      refuse("extra_headers must not set " + name);
    }
    if (!member.value.IsString()) {
      refuse("extra_headers." + name + " must be a string");
    }
    const std::string_view headerValue = providers::stringView(member.value);
    if (headerValue.find_first_of("\r\n") != std::string_view::npos) {
      refuse("extra_headers." + name + " must not contain line breaks");
    }
    headers.emplace_back(name, std::string(headerValue));
  }
  return headers;
}

} // namespace

GeminiConfig parseGeminiConfig(std::string_view json) {
  rapidjson::Document document;
  if (!providers::parseJson(json, document) || !document.IsObject()) {
    refuse("expected a JSON object");
  }
  GeminiConfig config;
  for (const auto& member : std::as_const(document).GetObject()) {
    const std::string key(providers::stringView(member.name));
    if (key == "base_url") {
      config.baseUrl = readBaseUrl(member.value);
    } else if (key == "api_key") {
      config.apiKeyRef = readApiKeyRef(member.value);
    } else if (key == "api_version") {
      config.apiVersion = readApiVersion(member.value);
    } else if (key == "safety_settings") {
      config.safetySettingsJson = readSafetySettings(member.value);
    } else if (key == "extra_headers") {
      config.extraHeaders = readExtraHeaders(member.value);
    } else if (key == "fill_missing_thought_signatures") {
      if (!member.value.IsBool()) {
        refuse("fill_missing_thought_signatures must be true or false");
      }
      config.fillMissingThoughtSignatures = member.value.GetBool();
    } else {
      refuse("unknown key '" + key + "'");
    }
  }
  return config;
}

} // namespace gatehouse::plugins::gemini
