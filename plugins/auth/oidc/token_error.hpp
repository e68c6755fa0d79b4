// Why a token was refused. Each reason has a message that is safe to show the client: it
// names what is wrong, never the token or a secret.
#pragma once

#include <stdexcept>
#include <string>

namespace gatehouse::plugins::oidc {

enum class TokenProblem {
  Malformed,            // not a compact JWS, or its parts are not base64url JSON
  UnsupportedAlgorithm, // alg is not RS256 or ES256 (none, HS256, ...)
  UnknownKeyId,         // no key of the IdP's JWKS matches
  KeyMismatch,          // the key's type (or its own alg) does not fit the token's alg
  BadSignature,
  WrongIssuer,
  WrongAudience,
  WrongAuthorizedParty, // azp is not our client_id
  Expired,
  NotYetValid, // nbf or iat in the future
  WrongNonce,
  MissingClaim, // a claim the token type requires (exp, sub, nonce) is absent
};

class TokenError : public std::runtime_error {
public:
  TokenError(TokenProblem problem, const std::string& message)
      : std::runtime_error(message), problem_(problem) {}
  TokenProblem problem() const noexcept { return problem_; }

private:
  TokenProblem problem_;
};

} // namespace gatehouse::plugins::oidc
