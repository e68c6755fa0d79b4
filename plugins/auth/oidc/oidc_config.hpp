// The oidc plugin's config block (plugins[].config):
//   {"issuer": "https://idp.example.com", "client_id": "gatehouse",
//    "client_secret": "env:NAME" | "file:PATH",
//    "scopes": ["openid", "email", "profile"],
//    "allowed_audiences": ["gatehouse"],          access tokens; default [client_id]
//    "role_claim": "groups", "admin_values": ["gatehouse-admins"],
//    "teams_claim": "groups", "team_prefix": "team-",
//    "email_claim": "email", "name_claim": "name",
//    "accept_access_tokens": true, "clock_skew_seconds": 60, "jwks_min_refresh_seconds": 10,
//    "token_endpoint_auth": "client_secret_basic" | "client_secret_post",
//    "fetch_userinfo": true}
// Only issuer and client_id are required. docs/auth-oidc.md explains each key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::plugins::oidc {

enum class ClientAuth {
  None,              // a public client: client_id in the form body, no secret
  ClientSecretBasic, // HTTP Basic with the form-encoded id and secret (RFC 6749 2.3.1)
  ClientSecretPost,  // client_id and client_secret in the form body
};

struct OidcConfig {
  std::string issuer; // exactly as the IdP spells it in its discovery document
  std::string clientId;
  std::optional<std::string> clientSecretRef; // a secret reference; resolved at init
  std::vector<std::string> scopes{"openid", "email", "profile"};
  std::vector<std::string> allowedAudiences; // access tokens' aud; [clientId] when not given
  // Claim names; a dotted name ("realm_access.roles") walks into nested objects. Empty:
  // the mapping is off (everyone is a member / nobody gets teams).
  std::string roleClaim = "groups";
  std::vector<std::string> adminValues; // role_claim values that make an admin
  std::string teamsClaim;
  std::string teamPrefix; // only values with this prefix become teams, prefix stripped
  std::string emailClaim = "email";
  std::string nameClaim = "name";
  bool acceptAccessTokens = true;
  std::int64_t clockSkewSeconds = 60;
  std::int64_t jwksMinRefreshSeconds = 10;
  // nullopt: the first method the IdP supports (client_secret_basic when it does not say).
  std::optional<ClientAuth> tokenEndpointAuth;
  // Read the userinfo endpoint after sign-in for claims the ID token left out (some IdPs
  // put email, name and groups only there).
  bool fetchUserinfo = true;
};

// Throws sdk::Error(GH_ERROR_CONFIG) naming the key for an unknown key, a wrong type or a
// value that cannot work. Never echoes a value that could be a secret.
OidcConfig parseOidcConfig(std::string_view json);

// The config's value for token_endpoint_auth ("client_secret_basic", ...).
std::string_view clientAuthName(ClientAuth method);

} // namespace gatehouse::plugins::oidc
