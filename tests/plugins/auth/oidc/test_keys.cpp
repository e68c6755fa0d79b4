#include "test_keys.hpp"

#include <map>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <stdexcept>

#include "base64url.hpp"

namespace gatehouse::plugins::oidc::test {
namespace {

std::string bignumParam(EVP_PKEY* key, const char* name, int width) {
  BIGNUM* value = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &value) != 1) {
    throw std::runtime_error(std::string("cannot read key parameter ") + name);
  }
  const int size = width > 0 ? width : BN_num_bytes(value);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  BN_bn2binpad(value, reinterpret_cast<unsigned char*>(bytes.data()), size);
  BN_free(value);
  return bytes;
}

} // namespace

TestKey TestKey::generate(Kind kind, std::string kid) {
  EVP_PKEY* key = kind == Kind::Rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048))
                                    : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (key == nullptr) {
    throw std::runtime_error("key generation failed");
  }
  return TestKey(kind, std::move(kid), std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free));
}

const TestKey& TestKey::sharedRsa(const std::string& kid) {
  static std::map<std::string, TestKey> keys;
  auto found = keys.find(kid);
  if (found == keys.end()) {
    found = keys.emplace(kid, generate(Kind::Rsa, kid)).first;
  }
  return found->second;
}

const TestKey& TestKey::sharedEc(const std::string& kid) {
  static std::map<std::string, TestKey> keys;
  auto found = keys.find(kid);
  if (found == keys.end()) {
    found = keys.emplace(kid, generate(Kind::Ec, kid)).first;
  }
  return found->second;
}

std::string TestKey::jwk(bool withKid, const std::string& extraMembers) const {
  std::string json = "{";
  if (kind_ == Kind::Rsa) {
    json += "\"kty\":\"RSA\",\"n\":\"" + base64UrlEncode(bignumParam(key_.get(), OSSL_PKEY_PARAM_RSA_N, 0)) +
            "\",\"e\":\"" + base64UrlEncode(bignumParam(key_.get(), OSSL_PKEY_PARAM_RSA_E, 0)) + "\"";
  } else {
    json += "\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" +
            base64UrlEncode(bignumParam(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32)) + "\",\"y\":\"" +
            base64UrlEncode(bignumParam(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32)) + "\"";
  }
  json += ",\"use\":\"sig\"";
  if (withKid) {
    json += ",\"kid\":\"" + kid_ + "\"";
  }
  return json + extraMembers + "}";
}

std::string TestKey::publicPem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key_.get());
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(length));
  BIO_free(bio);
  return pem;
}

std::string TestKey::sign(std::string_view signingInput) const {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  std::size_t length = 0;
  std::string signature;
  if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char*>(signingInput.data()),
                     signingInput.size()) != 1) {
    EVP_MD_CTX_free(context);
    throw std::runtime_error("signing failed");
  }
  signature.resize(length);
  EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &length,
                 reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size());
  EVP_MD_CTX_free(context);
  signature.resize(length);
  if (kind_ == Kind::Rsa) {
    return signature;
  }
  // OpenSSL writes DER; JWS wants R || S, 32 bytes each.
  const auto* der = reinterpret_cast<const unsigned char*>(signature.data());
  ECDSA_SIG* parsed = d2i_ECDSA_SIG(nullptr, &der, static_cast<long>(signature.size()));
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(parsed), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(parsed), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  ECDSA_SIG_free(parsed);
  return raw;
}

std::string jwks(std::initializer_list<std::string> keys) {
  std::string json = "{\"keys\":[";
  bool first = true;
  for (const std::string& key : keys) {
    json += (first ? "" : ",") + key;
    first = false;
  }
  return json + "]}";
}

std::string signedToken(const TestKey& key, const std::string& headerJson, const std::string& payloadJson) {
  const std::string signingInput = base64UrlEncode(headerJson) + "." + base64UrlEncode(payloadJson);
  return signingInput + "." + base64UrlEncode(key.sign(signingInput));
}

std::string signedToken(const TestKey& key, const std::string& payloadJson) {
  return signedToken(key, "{\"alg\":\"" + key.alg() + "\",\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\"}",
                     payloadJson);
}

std::string hs256Token(const std::string& secret, const std::string& headerJson,
                       const std::string& payloadJson) {
  const std::string signingInput = base64UrlEncode(headerJson) + "." + base64UrlEncode(payloadJson);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size(), mac, &length);
  return signingInput + "." + base64UrlEncode(std::string(reinterpret_cast<const char*>(mac), length));
}

} // namespace gatehouse::plugins::oidc::test
