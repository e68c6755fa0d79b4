#include "openai_config.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/document.h>

#include <cctype>

namespace gatehouse::plugins::openai {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_CONFIG, "openai provider config: " + why);
}

std::string readString(const rapidjson::Value& value, const std::string& key) {
  if (!value.IsString()) {
    refuse(key + " must be a string");
  }
  return std::string(value.GetString(), value.GetStringLength());
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && startsWithIgnoringCase(a, b);
}

std::string readBaseUrl(const rapidjson::Value& value) {
  std::string url = readString(value, "base_url");
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  const std::size_t scheme = startsWithIgnoringCase(url, "https://")  ? 8
                             : startsWithIgnoringCase(url, "http://") ? 7
                                                                      : 0;
  if (scheme == 0 || url.size() == scheme) {
    refuse("base_url must be an absolute http:// or https:// URL");
  }
  if (url.find_first_of("?# \r\n") != std::string::npos) {
    refuse("base_url must not contain a query, a fragment or spaces");
  }
  const std::size_t authorityEnd = url.find('/', scheme);
  if (url.substr(scheme, authorityEnd - scheme).find('@') != std::string::npos) {
    refuse("base_url must not carry credentials (user:password@); use api_key");
  }
  return url;
}

std::string readSecretReference(const rapidjson::Value& value) {
  std::string reference = readString(value, "api_key");
  if (reference.rfind("env:", 0) != 0 && reference.rfind("file:", 0) != 0) {
    // Not echoed: it may be the key itself pasted in place of a reference.
    refuse("api_key must be a secret reference, env:NAME or file:PATH (never the key itself)");
  }
  return reference;
}

bool isToken(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u >= 127 || std::string_view("()<>@,;:\\\"/[]?={}").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> readExtraHeaders(const rapidjson::Value& value) {
  if (!value.IsObject()) {
    refuse("extra_headers must be an object of header name to string value");
  }
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& member : value.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    if (!isToken(name)) {
      refuse("extra_headers: '" + name + "' is not a valid header name");
    }
    for (std::string_view owned : {"host", "content-length", "connection", "transfer-encoding"}) {
      if (equalsIgnoringCase(name, owned)) {
        refuse("extra_headers: " + name + " is set by the gateway itself");
      }
    }
    if (!member.value.IsString()) {
      refuse("extra_headers." + name + " must be a string");
    }
    std::string headerValue(member.value.GetString(), member.value.GetStringLength());
    if (headerValue.find_first_of("\r\n") != std::string::npos ||
        headerValue.find('\0') != std::string::npos) {
      refuse("extra_headers." + name + " must not contain line breaks");
    }
    headers.emplace_back(name, std::move(headerValue));
  }
  return headers;
}

std::string readHeaderValue(const rapidjson::Value& value, const std::string& key) {
  std::string text = readString(value, key);
  if (text.find_first_of("\r\n") != std::string::npos || text.find('\0') != std::string::npos) {
    refuse(key + " must not contain line breaks");
  }
  return text;
}

Flavor readFlavor(const rapidjson::Value& value) {
  const std::string flavor = readString(value, "flavor");
  if (flavor == "openai") {
    return Flavor::OpenAi;
  }
  if (flavor == "azure") {
    return Flavor::Azure;
  }
  refuse("flavor must be \"openai\" or \"azure\"");
}

} // namespace

OpenAiConfig parseOpenAiConfig(std::string_view json) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) {
    refuse("expected a JSON object");
  }
  OpenAiConfig config;
  bool baseUrlGiven = false;
  for (const auto& member : document.GetObject()) {
    const std::string key(member.name.GetString(), member.name.GetStringLength());
    const rapidjson::Value& value = member.value;
    if (key == "base_url") {
      config.baseUrl = readBaseUrl(value);
      baseUrlGiven = true;
    } else if (key == "api_key") {
      config.apiKey = readSecretReference(value);
    } else if (key == "organization") {
      config.organization = readHeaderValue(value, key);
    } else if (key == "project") {
      config.project = readHeaderValue(value, key);
    } else if (key == "extra_headers") {
      config.extraHeaders = readExtraHeaders(value);
    } else if (key == "stream_usage") {
      if (!value.IsBool()) {
        refuse("stream_usage must be true or false");
      }
      config.streamUsage = value.GetBool();
    } else if (key == "flavor") {
      config.flavor = readFlavor(value);
    } else if (key == "api_version") {
      config.apiVersion = readHeaderValue(value, key);
      if (config.apiVersion.empty()) {
        refuse("api_version must not be empty");
      }
    } else {
      // A typo in the operator's config must fail start-up, not be silently ignored.
      refuse("unknown key '" + key + "'");
    }
  }
  if (config.flavor == Flavor::Azure) {
    if (!baseUrlGiven) {
      refuse("flavor \"azure\" needs base_url, e.g. https://NAME.openai.azure.com");
    }
    if (config.apiVersion.empty()) {
      refuse("flavor \"azure\" needs api_version, e.g. \"2024-10-21\"");
    }
  } else if (!config.apiVersion.empty()) {
    refuse("api_version applies only to flavor \"azure\"");
  }
  return config;
}

} // namespace gatehouse::plugins::openai
