#include "jwk_set.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "base64url.hpp"
#include "claims.hpp"

namespace gatehouse::plugins::oidc {
namespace {

// Smaller RSA moduli are factorable in practice; no honest IdP publishes one.
constexpr int kMinRsaBits = 2048;
constexpr std::size_t kP256CoordinateBytes = 32;

struct BignumFree {
  void operator()(BIGNUM* value) const { BN_free(value); }
};
struct ParamBuildFree {
  void operator()(OSSL_PARAM_BLD* value) const { OSSL_PARAM_BLD_free(value); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* value) const { OSSL_PARAM_free(value); }
};
struct PkeyContextFree {
  void operator()(EVP_PKEY_CTX* value) const { EVP_PKEY_CTX_free(value); }
};

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY* key) {
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

// Builds a public key of `type` ("RSA" or "EC") from `params`; nullptr when OpenSSL
// refuses it or (EC) the point fails the public-key check.
std::shared_ptr<EVP_PKEY> fromParams(const char* type, OSSL_PARAM* params) {
  std::unique_ptr<EVP_PKEY_CTX, PkeyContextFree> context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    return nullptr;
  }
  std::shared_ptr<EVP_PKEY> owned = adopt(key);
  std::unique_ptr<EVP_PKEY_CTX, PkeyContextFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) {
    return nullptr;
  }
  return owned;
}

std::optional<std::string> decodedMember(const Claims& jwk, std::string_view name) {
  const std::optional<std::string> text = jwk.string(name);
  return text ? base64UrlDecode(*text) : std::nullopt;
}

// nullptr with `why` set when the members do not make a usable RSA key.
std::shared_ptr<EVP_PKEY> rsaKey(const Claims& jwk, std::string& why) {
  const std::optional<std::string> modulus = decodedMember(jwk, "n");
  const std::optional<std::string> exponent = decodedMember(jwk, "e");
  if (!modulus || !exponent || modulus->empty() || exponent->empty()) {
    why = "n or e is missing or not base64url";
    return nullptr;
  }
  std::unique_ptr<BIGNUM, BignumFree> n(BN_bin2bn(reinterpret_cast<const unsigned char*>(modulus->data()),
                                                  static_cast<int>(modulus->size()), nullptr));
  std::unique_ptr<BIGNUM, BignumFree> e(BN_bin2bn(reinterpret_cast<const unsigned char*>(exponent->data()),
                                                  static_cast<int>(exponent->size()), nullptr));
  if (!n || !e) {
    why = "out of memory";
    return nullptr;
  }
  if (BN_num_bits(n.get()) < kMinRsaBits) {
    why = "the RSA modulus is shorter than " + std::to_string(kMinRsaBits) + " bits";
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    why = "out of memory";
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder.get()));
  std::shared_ptr<EVP_PKEY> key = params ? fromParams("RSA", params.get()) : nullptr;
  if (!key) {
    why = "OpenSSL rejected the RSA key";
  }
  return key;
}

std::shared_ptr<EVP_PKEY> ecP256Key(const Claims& jwk, std::string& why) {
  if (jwk.string("crv") != std::optional<std::string>("P-256")) {
    why = "only the EC curve P-256 is supported";
    return nullptr;
  }
  const std::optional<std::string> x = decodedMember(jwk, "x");
  const std::optional<std::string> y = decodedMember(jwk, "y");
  if (!x || !y || x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes) {
    why = "x or y is missing or not a 32-byte base64url coordinate";
    return nullptr;
  }
  // SEC 1 uncompressed point: 0x04 || X || Y.
  std::string point = "\x04" + *x + *y;
  std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> builder(OSSL_PARAM_BLD_new());
  char group[] = "prime256v1";
  if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) !=
          1) {
    why = "out of memory";
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder.get()));
  std::shared_ptr<EVP_PKEY> key = params ? fromParams("EC", params.get()) : nullptr;
  if (!key) {
    why = "the point is not on the P-256 curve";
  }
  return key;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  for (const std::string& item : list) {
    if (item == value) {
      return true;
    }
  }
  return false;
}

} // namespace

std::string_view keyTypeName(KeyType type) {
  return type == KeyType::Rsa ? "RSA" : "EC P-256";
}

std::optional<JwkSet> JwkSet::parse(std::string_view json, std::vector<std::string>* skipped) {
  const std::optional<Claims> document = Claims::parse(json);
  const rapidjson::Value* keys = document ? document->find("keys") : nullptr;
  if (keys == nullptr || !keys->IsArray()) {
    return std::nullopt;
  }
  JwkSet set;
  std::size_t index = 0;
  for (const auto& item : keys->GetArray()) {
    ++index;
    const Claims jwk = Claims::copyOf(item);
    const std::string kid = jwk.string("kid").value_or("");
    const std::string kty = jwk.string("kty").value_or("");
    const std::optional<std::string> use = jwk.string("use");
    std::string why;
    PublicKey key;
    key.kid = kid;
    key.alg = jwk.string("alg");
    if (!item.IsObject()) {
      why = "not a JSON object";
    } else if (use && *use != "sig") {
      why = "meant for \"" + *use + "\", not signatures";
    } else if (jwk.find("key_ops") != nullptr && !contains(jwk.strings("key_ops"), "verify")) {
      why = "its key_ops do not include \"verify\"";
    } else if (kty == "RSA") {
      key.type = KeyType::Rsa;
      key.key = rsaKey(jwk, why);
    } else if (kty == "EC") {
      key.type = KeyType::EcP256;
      key.key = ecP256Key(jwk, why);
    } else {
      why = "key type \"" + kty + "\" is not supported (RSA and EC P-256 are)";
    }
    if (key.key) {
      set.keys_.push_back(std::move(key));
    } else if (skipped != nullptr) {
      skipped->push_back("key " + std::to_string(index) + (kid.empty() ? "" : " (kid " + kid + ")") + ": " +
                         why);
    }
  }
  return set;
}

const PublicKey* JwkSet::find(std::string_view kid) const {
  for (const PublicKey& key : keys_) {
    if (key.kid == kid) {
      return &key;
    }
  }
  return nullptr;
}

} // namespace gatehouse::plugins::oidc
