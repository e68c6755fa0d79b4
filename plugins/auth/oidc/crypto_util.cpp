#include "crypto_util.hpp"

#include <gatehouse/sdk/error.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace gatehouse::plugins::oidc {

std::string randomBytes(std::size_t count) {
  std::string bytes(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    throw sdk::Error(GH_ERROR_INTERNAL, "the random number generator failed");
  }
  return bytes;
}

std::string sha256(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw sdk::Error(GH_ERROR_INTERNAL, "SHA-256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
}

} // namespace gatehouse::plugins::oidc
