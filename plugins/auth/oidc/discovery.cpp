#include "discovery.hpp"

#include <gatehouse/sdk/error.hpp>

#include "claims.hpp"

namespace gatehouse::plugins::oidc {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider's discovery document " + why);
}

bool isHttpUrl(std::string_view url) {
  const std::size_t scheme = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  return scheme != 0 && url.size() > scheme && url.find_first_of(" \r\n\t#") == std::string_view::npos;
}

std::string endpoint(const Claims& document, std::string_view name) {
  const std::optional<std::string> url = document.string(name);
  if (!url) {
    refuse("has no \"" + std::string(name) + "\"");
  }
  if (!isHttpUrl(*url)) {
    refuse("has a \"" + std::string(name) + "\" that is not an absolute http(s) URL");
  }
  return *url;
}

} // namespace

std::string discoveryUrl(std::string_view issuer) {
  if (!issuer.empty() && issuer.back() == '/') {
    issuer.remove_suffix(1);
  }
  return std::string(issuer) + "/.well-known/openid-configuration";
}

ProviderMetadata parseDiscovery(std::string_view json, const std::string& expectedIssuer) {
  const std::optional<Claims> document = Claims::parse(json);
  if (!document) {
    refuse("is not a JSON object");
  }
  ProviderMetadata metadata;
  metadata.issuer = document->string("issuer").value_or("");
  if (metadata.issuer != expectedIssuer) {
    refuse("names the issuer \"" + metadata.issuer + "\", not the configured \"" + expectedIssuer +
           "\" (they must be equal, character for character)");
  }
  metadata.authorizationEndpoint = endpoint(*document, "authorization_endpoint");
  metadata.tokenEndpoint = endpoint(*document, "token_endpoint");
  metadata.jwksUri = endpoint(*document, "jwks_uri");
  if (document->find("userinfo_endpoint") != nullptr) {
    metadata.userinfoEndpoint = endpoint(*document, "userinfo_endpoint");
  }
  metadata.idTokenSigningAlgs = document->strings("id_token_signing_alg_values_supported");
  metadata.tokenEndpointAuthMethods = document->strings("token_endpoint_auth_methods_supported");
  metadata.codeChallengeMethods = document->strings("code_challenge_methods_supported");
  return metadata;
}

} // namespace gatehouse::plugins::oidc
