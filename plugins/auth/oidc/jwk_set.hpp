// An IdP's signing keys as published at its jwks_uri (RFC 7517), turned into OpenSSL
// public keys once, when the set is fetched, so checking a token costs no key parsing.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace gatehouse::plugins::oidc {

enum class KeyType { Rsa, EcP256 };

struct PublicKey {
  std::string kid; // empty when the JWK has none
  KeyType type = KeyType::Rsa;
  std::optional<std::string> alg; // the JWK's own "alg", when it pins one
  std::shared_ptr<EVP_PKEY> key;
};

class JwkSet {
public:
  // Reads {"keys":[...]}. Keeps RSA keys (n, e; at least 2048 bits) and EC P-256 keys
  // (crv, x, y; the point must be on the curve). Skips keys meant for encryption ("use"
  // other than "sig", "key_ops" without "verify"), other key types and curves, and
  // malformed keys, each with a line in `skipped` for the log (position, kid and why,
  // never key material). nullopt when `json` is not a JWK set at all.
  static std::optional<JwkSet> parse(std::string_view json, std::vector<std::string>* skipped = nullptr);

  // The key with id `kid`; nullptr when none.
  const PublicKey* find(std::string_view kid) const;
  const std::vector<PublicKey>& keys() const { return keys_; }

private:
  std::vector<PublicKey> keys_;
};

// The name a log line or error uses for a key type: "RSA" or "EC P-256".
std::string_view keyTypeName(KeyType type);

} // namespace gatehouse::plugins::oidc
