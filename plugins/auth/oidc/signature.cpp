#include "signature.hpp"

#include <memory>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <string>

namespace gatehouse::plugins::oidc {
namespace {

constexpr std::size_t kEs256CoordinateBytes = 32;

struct DigestContextFree {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
struct EcdsaSignatureFree {
  void operator()(ECDSA_SIG* signature) const { ECDSA_SIG_free(signature); }
};

// JWS carries an ECDSA signature as the raw fixed-width R || S; OpenSSL verifies the
// DER-encoded ECDSA-Sig-Value. Empty when `raw` is not exactly 64 bytes.
std::string rawToDer(std::string_view raw) {
  if (raw.size() != 2 * kEs256CoordinateBytes) {
    return {};
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  BIGNUM* r = BN_bin2bn(bytes, kEs256CoordinateBytes, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + kEs256CoordinateBytes, kEs256CoordinateBytes, nullptr);
  std::unique_ptr<ECDSA_SIG, EcdsaSignatureFree> signature(ECDSA_SIG_new());
  if (r == nullptr || s == nullptr || !signature || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  // r and s now belong to `signature`.
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) {
    return {};
  }
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

} // namespace

bool verifySignature(const PublicKey& key, SignatureAlgorithm algorithm, std::string_view signingInput,
                     std::string_view signature) {
  const KeyType wanted = algorithm == SignatureAlgorithm::RS256 ? KeyType::Rsa : KeyType::EcP256;
  if (!key.key || key.type != wanted) {
    return false;
  }
  std::string der;
  if (algorithm == SignatureAlgorithm::ES256) {
    der = rawToDer(signature);
    if (der.empty()) {
      return false;
    }
    signature = der;
  }
  std::unique_ptr<EVP_MD_CTX, DigestContextFree> context(EVP_MD_CTX_new());
  // RSA keys default to PKCS#1 v1.5 padding, which is what RS256 is.
  if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.key.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(signingInput.data()),
                          signingInput.size()) == 1;
}

} // namespace gatehouse::plugins::oidc
