// Signing keys made by the test itself with OpenSSL (RSA-2048 and EC P-256), their public
// halves as JWKs, and tokens signed with them: everything an IdP would publish and issue.
#pragma once

#include <memory>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace gatehouse::plugins::oidc::test {

class TestKey {
public:
  enum class Kind { Rsa, Ec };

  // A fresh key pair; RSA generation is slow, so tests share keys through sharedRsa/sharedEc.
  static TestKey generate(Kind kind, std::string kid);
  // Keys made once per test binary, one per kid.
  static const TestKey& sharedRsa(const std::string& kid = "rsa-1");
  static const TestKey& sharedEc(const std::string& kid = "ec-1");

  const std::string& kid() const { return kid_; }
  Kind kind() const { return kind_; }
  // The JWS alg this key signs with: "RS256" or "ES256".
  std::string alg() const { return kind_ == Kind::Rsa ? "RS256" : "ES256"; }

  // The public JWK, e.g. {"kty":"RSA","kid":"rsa-1","use":"sig","alg":"RS256","n":..,"e":..}.
  // `extraMembers` (",\"x\":1" form, leading comma) is spliced in; `withKid` false omits kid.
  std::string jwk(bool withKid = true, const std::string& extraMembers = "") const;
  // The public key as PEM (SubjectPublicKeyInfo), what an HS256 confusion attack uses as secret.
  std::string publicPem() const;

  // The JWS signature of `signingInput` (R || S for ES256).
  std::string sign(std::string_view signingInput) const;

private:
  TestKey(Kind kind, std::string kid, std::shared_ptr<EVP_PKEY> key)
      : kind_(kind), kid_(std::move(kid)), key_(std::move(key)) {}

  Kind kind_;
  std::string kid_;
  std::shared_ptr<EVP_PKEY> key_;
};

// {"keys":[jwk, ...]} of the given JWK texts.
std::string jwks(std::initializer_list<std::string> keys);

// BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature by `key`).
std::string signedToken(const TestKey& key, const std::string& headerJson, const std::string& payloadJson);
// The usual header: {"alg":<key's alg>,"typ":"JWT","kid":<kid>}.
std::string signedToken(const TestKey& key, const std::string& payloadJson);
// An HS256 token whose HMAC secret is `secret` (for alg-confusion tests).
std::string hs256Token(const std::string& secret, const std::string& headerJson,
                       const std::string& payloadJson);

} // namespace gatehouse::plugins::oidc::test
