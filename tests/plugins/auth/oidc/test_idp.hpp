// A scripted identity provider at https://idp.test for the protocol tests: a discovery
// document, a JWKS the test can rotate, a clock the test moves, and valid tokens to start
// from.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "claims_builder.hpp"
#include "http_client.hpp"
#include "scripted_http.hpp"
#include "test_keys.hpp"

namespace gatehouse::plugins::oidc::test {

inline const std::string kIssuer = "https://idp.test";
inline const std::string kDiscoveryUrl = "https://idp.test/.well-known/openid-configuration";
inline const std::string kAuthorizeUrl = "https://idp.test/authorize";
inline const std::string kTokenUrl = "https://idp.test/token";
inline const std::string kJwksUrl = "https://idp.test/jwks";
inline const std::string kUserinfoUrl = "https://idp.test/userinfo";
inline const std::string kClientId = "gatehouse-web";
// 2023-11-14T22:13:20Z, a fixed "now" for every protocol test.
inline constexpr std::int64_t kNow = 1700000000;

inline std::string discoveryJson(const std::string& issuer = kIssuer, const std::string& extra = "") {
  return R"({"issuer":")" + issuer + R"(","authorization_endpoint":")" + kAuthorizeUrl +
         R"(","token_endpoint":")" + kTokenUrl + R"(","jwks_uri":")" + kJwksUrl +
         R"(","userinfo_endpoint":")" + kUserinfoUrl +
         R"(","id_token_signing_alg_values_supported":["RS256","ES256"],)"
         R"("token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],)"
         R"("code_challenge_methods_supported":["S256"])" +
         extra + "}";
}

class TestIdp {
public:
  TestIdp() {
    http.on(kDiscoveryUrl, 200, discoveryJson());
    setKeys(jwks({TestKey::sharedRsa().jwk(), TestKey::sharedEc().jwk()}));
    http.on(kJwksUrl, [this](const sdk::UpstreamRequest&) {
      const std::lock_guard lock(keysMutex_);
      return HttpResponse{200, "application/json", keys_};
    });
    // The user every token of the tests names, as the userinfo endpoint knows them.
    http.on(kUserinfoUrl, 200, R"({"sub":"user-123"})");
  }

  // What the jwks_uri serves from now on (a key rotation).
  void setKeys(std::string jwksJson) {
    const std::lock_guard lock(keysMutex_);
    keys_ = std::move(jwksJson);
  }

  Clock clock() {
    return [this] { return nowMs.load(); };
  }
  LogSink log() {
    return [this](gh_log_level, const std::string& line) {
      const std::lock_guard lock(logMutex_);
      logLines.push_back(line);
    };
  }
  void advanceSeconds(std::int64_t seconds) { nowMs += seconds * 1000; }

  // Claims every check accepts, for an access token of `audience`.
  static ClaimsBuilder accessClaims(const std::string& audience = kClientId) {
    ClaimsBuilder claims;
    claims.set("iss", kIssuer)
        .set("sub", "user-123")
        .set("aud", audience)
        .set("exp", kNow + 300)
        .set("iat", kNow - 10)
        .set("nbf", kNow - 10)
        .set("email", "ada@example.com")
        .set("name", "Ada Lovelace");
    return claims;
  }
  // Claims every check accepts, for an ID token with `nonce`.
  static ClaimsBuilder idClaims(const std::string& nonce) {
    ClaimsBuilder claims = accessClaims(kClientId);
    claims.set("nonce", nonce);
    return claims;
  }

  ScriptedHttp http;
  std::atomic<std::int64_t> nowMs{kNow * 1000};
  std::vector<std::string> logLines;

private:
  std::mutex keysMutex_;
  std::string keys_;
  std::mutex logMutex_;
};

} // namespace gatehouse::plugins::oidc::test
