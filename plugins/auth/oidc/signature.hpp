// Checks a JWS signature (RFC 7518 section 3) with OpenSSL's EVP interface.
#pragma once

#include <string_view>

#include "jwk_set.hpp"

namespace gatehouse::plugins::oidc {

enum class SignatureAlgorithm {
  RS256, // RSASSA-PKCS1-v1_5 with SHA-256
  ES256, // ECDSA P-256 with SHA-256; the JWS signature is R || S, 32 bytes each
};

// True when `signature` is `key`'s valid signature of `signingInput` under `algorithm`.
// The caller has already checked that the key's type fits the algorithm; a misfit or a
// malformed signature (e.g. an ES256 signature that is not 64 bytes) is simply false.
bool verifySignature(const PublicKey& key, SignatureAlgorithm algorithm, std::string_view signingInput,
                     std::string_view signature);

} // namespace gatehouse::plugins::oidc
