#include "oidc_config.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>

namespace gatehouse::plugins::oidc {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_CONFIG, "oidc plugin config: " + why);
}

std::string readString(const rapidjson::Value& value, const std::string& key) {
  if (!value.IsString()) {
    refuse(key + " must be a string");
  }
  return std::string(value.GetString(), value.GetStringLength());
}

std::string readNonEmptyString(const rapidjson::Value& value, const std::string& key) {
  std::string text = readString(value, key);
  if (text.empty()) {
    refuse(key + " must not be empty");
  }
  return text;
}

bool hasControlOrSpace(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 127; });
}

std::vector<std::string> readStringList(const rapidjson::Value& value, const std::string& key) {
  if (!value.IsArray()) {
    refuse(key + " must be an array of strings");
  }
  std::vector<std::string> list;
  for (const auto& item : value.GetArray()) {
    if (!item.IsString() || item.GetStringLength() == 0) {
      refuse(key + " must be an array of non-empty strings");
    }
    list.emplace_back(item.GetString(), item.GetStringLength());
  }
  return list;
}

bool readBool(const rapidjson::Value& value, const std::string& key) {
  if (!value.IsBool()) {
    refuse(key + " must be true or false");
  }
  return value.GetBool();
}

std::int64_t readSeconds(const rapidjson::Value& value, const std::string& key, std::int64_t min,
                         std::int64_t max) {
  if (!value.IsInt64() || value.GetInt64() < min || value.GetInt64() > max) {
    refuse(key + " must be a whole number of seconds from " + std::to_string(min) + " to " +
           std::to_string(max));
  }
  return value.GetInt64();
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

std::string readIssuer(const rapidjson::Value& value) {
  std::string issuer = readNonEmptyString(value, "issuer");
  const std::size_t scheme = startsWith(issuer, "https://") ? 8 : startsWith(issuer, "http://") ? 7 : 0;
  if (scheme == 0 || issuer.size() == scheme) {
    refuse("issuer must be an absolute https:// (or http://) URL, e.g. https://login.example.com");
  }
  // OpenID Connect Discovery 1.0 section 2: an issuer has no query or fragment.
  if (issuer.find_first_of("?#") != std::string::npos || hasControlOrSpace(issuer)) {
    refuse("issuer must not contain a query, a fragment or spaces");
  }
  const std::size_t authorityEnd = issuer.find('/', scheme);
  if (issuer.substr(scheme, authorityEnd - scheme).find('@') != std::string::npos) {
    refuse("issuer must not carry credentials (user:password@)");
  }
  return issuer;
}

std::string readSecretReference(const rapidjson::Value& value) {
  std::string reference = readString(value, "client_secret");
  if (!startsWith(reference, "env:") && !startsWith(reference, "file:")) {
    // Not echoed: it may be the secret itself pasted in place of a reference.
    refuse("client_secret must be a secret reference, env:NAME or file:PATH (never the secret itself)");
  }
  return reference;
}

std::vector<std::string> readScopes(const rapidjson::Value& value) {
  std::vector<std::string> scopes = readStringList(value, "scopes");
  for (const std::string& scope : scopes) {
    if (hasControlOrSpace(scope) || scope.find('"') != std::string::npos ||
        scope.find('\\') != std::string::npos) {
      refuse("scopes: '" + scope + "' is not a valid scope (no spaces, quotes or backslashes)");
    }
  }
  if (std::find(scopes.begin(), scopes.end(), "openid") == scopes.end()) {
    refuse("scopes must include \"openid\" (without it the identity provider sends no ID token)");
  }
  return scopes;
}

std::string readClaimName(const rapidjson::Value& value, const std::string& key) {
  std::string name = readString(value, key);
  if (!name.empty() && (name.front() == '.' || name.back() == '.' || name.find("..") != std::string::npos)) {
    refuse(key + " '" + name + "' is not a claim name (dots separate nested names)");
  }
  return name;
}

ClientAuth readClientAuth(const rapidjson::Value& value) {
  const std::string method = readString(value, "token_endpoint_auth");
  if (method == "client_secret_basic") {
    return ClientAuth::ClientSecretBasic;
  }
  if (method == "client_secret_post") {
    return ClientAuth::ClientSecretPost;
  }
  refuse("token_endpoint_auth must be \"client_secret_basic\" or \"client_secret_post\"");
}

} // namespace

std::string_view clientAuthName(ClientAuth method) {
  switch (method) {
  case ClientAuth::None: return "none";
  case ClientAuth::ClientSecretBasic: return "client_secret_basic";
  case ClientAuth::ClientSecretPost: return "client_secret_post";
  }
  return "none";
}

OidcConfig parseOidcConfig(std::string_view json) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) {
    refuse("expected a JSON object");
  }
  OidcConfig config;
  bool issuerGiven = false;
  bool clientIdGiven = false;
  bool audiencesGiven = false;
  for (const auto& member : document.GetObject()) {
    const std::string key(member.name.GetString(), member.name.GetStringLength());
    const rapidjson::Value& value = member.value;
    if (key == "issuer") {
      config.issuer = readIssuer(value);
      issuerGiven = true;
    } else if (key == "client_id") {
      config.clientId = readNonEmptyString(value, key);
      if (hasControlOrSpace(config.clientId)) {
        refuse("client_id must not contain spaces or control characters");
      }
      clientIdGiven = true;
    } else if (key == "client_secret") {
      config.clientSecretRef = readSecretReference(value);
    } else if (key == "scopes") {
      config.scopes = readScopes(value);
    } else if (key == "allowed_audiences") {
      config.allowedAudiences = readStringList(value, key);
      audiencesGiven = true;
    } else if (key == "role_claim") {
      config.roleClaim = readClaimName(value, key);
    } else if (key == "admin_values") {
      config.adminValues = readStringList(value, key);
    } else if (key == "teams_claim") {
      config.teamsClaim = readClaimName(value, key);
    } else if (key == "team_prefix") {
      config.teamPrefix = readString(value, key);
    } else if (key == "email_claim") {
      config.emailClaim = readClaimName(value, key);
    } else if (key == "name_claim") {
      config.nameClaim = readClaimName(value, key);
    } else if (key == "accept_access_tokens") {
      config.acceptAccessTokens = readBool(value, key);
    } else if (key == "clock_skew_seconds") {
      config.clockSkewSeconds = readSeconds(value, key, 0, 600);
    } else if (key == "jwks_min_refresh_seconds") {
      // At least a second: it is what keeps a flood of made-up key ids off the IdP.
      config.jwksMinRefreshSeconds = readSeconds(value, key, 1, 86400);
    } else if (key == "token_endpoint_auth") {
      config.tokenEndpointAuth = readClientAuth(value);
    } else if (key == "fetch_userinfo") {
      config.fetchUserinfo = readBool(value, key);
    } else {
      // A typo in the operator's config must fail start-up, not be silently ignored.
      refuse("unknown key '" + key + "'");
    }
  }
  if (!issuerGiven) {
    refuse("issuer is required, e.g. \"https://login.example.com\"");
  }
  if (!clientIdGiven) {
    refuse("client_id is required (the id the identity provider registered the gateway under)");
  }
  if (!audiencesGiven) {
    config.allowedAudiences = {config.clientId};
  } else if (config.allowedAudiences.empty() && config.acceptAccessTokens) {
    refuse("allowed_audiences must not be empty while accept_access_tokens is true");
  }
  if (!config.adminValues.empty() && config.roleClaim.empty()) {
    refuse("admin_values needs role_claim (the claim that carries them)");
  }
  if (config.tokenEndpointAuth && !config.clientSecretRef) {
    refuse("token_endpoint_auth needs client_secret (a public client authenticates with PKCE alone)");
  }
  if (!config.clientSecretRef) {
    config.tokenEndpointAuth = ClientAuth::None;
  }
  return config;
}

} // namespace gatehouse::plugins::oidc
