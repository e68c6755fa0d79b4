#include "sha256.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace gatehouse::auth {
namespace {

struct ContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

// Fetching the algorithm takes a lock inside OpenSSL 3, so it happens once per process; a
// digest context is reused per thread instead of being allocated per call.
const EVP_MD* sha256Algorithm() {
  static const EVP_MD* algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (algorithm == nullptr)
    throw std::runtime_error("OpenSSL has no SHA-256");
  return algorithm;
}

EVP_MD_CTX* threadContext() {
  thread_local std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
  if (!context)
    throw std::runtime_error("cannot allocate an OpenSSL digest context");
  return context.get();
}

} // namespace

Sha256Hex sha256Hex(std::string_view data) {
  EVP_MD_CTX* context = threadContext();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestInit_ex2(context, sha256Algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(context, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context, digest, &length) != 1 || length * 2 != kSha256HexLength)
    throw std::runtime_error("SHA-256 failed");
  static constexpr char kHexDigits[] = "0123456789abcdef";
  Sha256Hex hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHexDigits[digest[i] >> 4];
    hex[2 * i + 1] = kHexDigits[digest[i] & 0x0f];
  }
  return hex;
}

} // namespace gatehouse::auth
