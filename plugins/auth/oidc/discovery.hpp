// The IdP's OpenID Provider Metadata (OpenID Connect Discovery 1.0), read from
// <issuer>/.well-known/openid-configuration.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::plugins::oidc {

struct ProviderMetadata {
  std::string issuer;
  std::string authorizationEndpoint;
  std::string tokenEndpoint;
  std::string jwksUri;
  std::optional<std::string> userinfoEndpoint;
  std::vector<std::string> idTokenSigningAlgs;       // empty when the IdP does not say
  std::vector<std::string> tokenEndpointAuthMethods; // empty when the IdP does not say
  std::vector<std::string> codeChallengeMethods;     // empty when the IdP does not say
};

// The discovery URL for `issuer`: a trailing '/' removed, then the well-known path.
std::string discoveryUrl(std::string_view issuer);

// Parses a discovery document. Throws sdk::Error(GH_ERROR_UNAVAILABLE) saying what is
// wrong when it is not JSON, lacks an endpoint, has a non-http(s) endpoint, or its
// "issuer" is not exactly `expectedIssuer` (a mismatch is how an IdP mix-up or a
// misconfigured issuer shows; tokens could never validate, so nothing proceeds).
ProviderMetadata parseDiscovery(std::string_view json, const std::string& expectedIssuer);

} // namespace gatehouse::plugins::oidc
