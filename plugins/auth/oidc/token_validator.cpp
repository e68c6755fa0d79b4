#include "token_validator.hpp"

#include <algorithm>
#include <cmath>

#include "compact_jws.hpp"
#include "crypto_util.hpp"
#include "signature.hpp"
#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

[[noreturn]] void refuse(TokenProblem problem, const std::string& message) {
  throw TokenError(problem, message);
}

// The header's alg, quoted, when it is short and plain enough to repeat to the client.
std::string quotedIfPlain(std::string_view text) {
  const bool plain = text.size() <= 16 && std::all_of(text.begin(), text.end(), [](char c) {
                       return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                              c == '-' || c == '_' || c == '+';
                     });
  return plain ? " \"" + std::string(text) + "\"" : std::string();
}

SignatureAlgorithm algorithmOf(const std::string& alg) {
  // An allow-list, not a deny-list: "none", the HMAC family (whose "key" would be the
  // public key an attacker can download) and every other algorithm are refused.
  if (alg == "RS256") {
    return SignatureAlgorithm::RS256;
  }
  if (alg == "ES256") {
    return SignatureAlgorithm::ES256;
  }
  refuse(TokenProblem::UnsupportedAlgorithm,
         "the token's signing algorithm" + quotedIfPlain(alg) + " is not accepted (RS256 and ES256 are)");
}

void checkKeyFits(const PublicKey& key, SignatureAlgorithm algorithm, const std::string& alg) {
  const KeyType wanted = algorithm == SignatureAlgorithm::RS256 ? KeyType::Rsa : KeyType::EcP256;
  if (key.type != wanted || (key.alg && *key.alg != alg)) {
    refuse(TokenProblem::KeyMismatch, "the token's algorithm " + alg + " does not match its signing key (" +
                                          std::string(keyTypeName(key.type)) +
                                          (key.alg ? ", " + *key.alg : std::string()) + ")");
  }
}

// A time claim as whole seconds; nullopt when absent. Malformed when not a finite number.
std::optional<std::int64_t> timeClaim(const Claims& claims, std::string_view name) {
  bool malformed = false;
  const std::optional<double> value = claims.number(name, malformed);
  if (malformed || (value && !std::isfinite(*value))) {
    refuse(TokenProblem::Malformed, "the token is malformed: \"" + std::string(name) + "\" is not a number");
  }
  if (!value) {
    return std::nullopt;
  }
  // Clamped so an absurd value cannot overflow the arithmetic below.
  constexpr double kLimit = 1e15;
  return static_cast<std::int64_t>(std::clamp(*value, -kLimit, kLimit));
}

void checkIssuer(const Claims& claims, const TokenRules& rules) {
  const std::optional<std::string> issuer = claims.string("iss");
  if (!issuer) {
    refuse(TokenProblem::MissingClaim, "the token has no \"iss\" (issuer) claim");
  }
  if (*issuer != rules.issuer) {
    refuse(TokenProblem::WrongIssuer,
           "the token was not issued by the configured identity provider (wrong issuer)");
  }
}

void checkAudience(const Claims& claims, const TokenRules& rules) {
  const rapidjson::Value* aud = claims.find("aud");
  if (aud == nullptr) {
    refuse(TokenProblem::MissingClaim, "the token has no \"aud\" (audience) claim");
  }
  if (!aud->IsString() && !aud->IsArray()) {
    refuse(TokenProblem::Malformed, "the token is malformed: \"aud\" is neither a string nor an array");
  }
  const std::vector<std::string> audiences = claims.strings("aud");
  const bool meantForUs = std::any_of(audiences.begin(), audiences.end(), [&](const std::string& audience) {
    return std::find(rules.audiences.begin(), rules.audiences.end(), audience) != rules.audiences.end();
  });
  if (!meantForUs) {
    refuse(TokenProblem::WrongAudience, "the token is not meant for this gateway (wrong audience)");
  }
  if (rules.authorizedParty) {
    const std::optional<std::string> azp = claims.string("azp");
    if (azp ? *azp != *rules.authorizedParty : audiences.size() > 1) {
      refuse(TokenProblem::WrongAuthorizedParty,
             azp ? "the ID token was issued to another client (azp)"
                 : "the ID token has several audiences but no \"azp\" (authorized party) claim");
    }
  }
}

void checkTimes(const Claims& claims, const TokenRules& rules) {
  const std::optional<std::int64_t> expires = timeClaim(claims, "exp");
  const std::optional<std::int64_t> notBefore = timeClaim(claims, "nbf");
  const std::optional<std::int64_t> issuedAt = timeClaim(claims, "iat");
  if (!expires) {
    refuse(TokenProblem::MissingClaim, "the token has no \"exp\" (expiry) claim");
  }
  if (rules.nowSeconds >= *expires + rules.clockSkewSeconds) {
    refuse(TokenProblem::Expired, "the token has expired");
  }
  if (notBefore && *notBefore > rules.nowSeconds + rules.clockSkewSeconds) {
    refuse(TokenProblem::NotYetValid, "the token is not valid yet (its \"nbf\" is in the future)");
  }
  if (issuedAt && *issuedAt > rules.nowSeconds + rules.clockSkewSeconds) {
    refuse(TokenProblem::NotYetValid, "the token is not valid yet (it was issued in the future)");
  }
}

void checkIdTokenClaims(const Claims& claims, const TokenRules& rules) {
  if (!rules.nonce) {
    return;
  }
  const std::optional<std::string> subject = claims.string("sub");
  if (!subject || subject->empty()) {
    refuse(TokenProblem::MissingClaim, "the ID token has no \"sub\" (subject) claim");
  }
  const std::optional<std::string> nonce = claims.string("nonce");
  if (!nonce) {
    refuse(TokenProblem::MissingClaim, "the ID token has no \"nonce\" claim");
  }
  if (!constantTimeEquals(*nonce, *rules.nonce)) {
    refuse(TokenProblem::WrongNonce, "the ID token's nonce does not match this sign-in");
  }
}

} // namespace

Claims validateToken(std::string_view token, KeySource& keys, const TokenRules& rules) {
  CompactJws jws = parseCompactJws(token);
  const SignatureAlgorithm algorithm = algorithmOf(jws.alg);
  const PublicKey key = keys.keyFor(jws.kid);
  checkKeyFits(key, algorithm, jws.alg);
  if (!verifySignature(key, algorithm, jws.signingInput, jws.signature)) {
    refuse(TokenProblem::BadSignature, "the token's signature is not valid");
  }
  // From here on the claims are the IdP's own words.
  checkIssuer(jws.claims, rules);
  checkAudience(jws.claims, rules);
  checkTimes(jws.claims, rules);
  checkIdTokenClaims(jws.claims, rules);
  return std::move(jws.claims);
}

} // namespace gatehouse::plugins::oidc
