#include "pkce.hpp"

#include "base64url.hpp"
#include "crypto_util.hpp"

namespace gatehouse::plugins::oidc {
namespace {

// 256 bits: as much entropy as the S256 challenge can carry.
constexpr std::size_t kSecretBytes = 32;

} // namespace

std::string newCodeVerifier() {
  return base64UrlEncode(randomBytes(kSecretBytes));
}

std::string codeChallengeS256(std::string_view verifier) {
  return base64UrlEncode(sha256(verifier));
}

std::string newNonce() {
  return base64UrlEncode(randomBytes(kSecretBytes));
}

} // namespace gatehouse::plugins::oidc
