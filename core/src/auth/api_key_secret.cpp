#include <gatehouse/auth/api_key_secret.hpp>

#include "sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <climits>
#include <stdexcept>
#include <vector>

namespace gatehouse::auth {
namespace {

constexpr char kBase64UrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t kApiKeyRandomBytes = 32;

bool isBase64UrlCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// RFC 4648 section 5, without padding: URL-, cookie- and header-safe as it is.
void appendBase64Url(std::string& out, const unsigned char* data, std::size_t size) {
  std::size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const unsigned value = (unsigned(data[i]) << 16) | (unsigned(data[i + 1]) << 8) | unsigned(data[i + 2]);
    out += kBase64UrlAlphabet[(value >> 18) & 63];
    out += kBase64UrlAlphabet[(value >> 12) & 63];
    out += kBase64UrlAlphabet[(value >> 6) & 63];
    out += kBase64UrlAlphabet[value & 63];
  }
  const std::size_t rest = size - i;
  if (rest == 1) {
    const unsigned value = unsigned(data[i]) << 16;
    out += kBase64UrlAlphabet[(value >> 18) & 63];
    out += kBase64UrlAlphabet[(value >> 12) & 63];
  } else if (rest == 2) {
    const unsigned value = (unsigned(data[i]) << 16) | (unsigned(data[i + 1]) << 8);
    out += kBase64UrlAlphabet[(value >> 18) & 63];
    out += kBase64UrlAlphabet[(value >> 12) & 63];
    out += kBase64UrlAlphabet[(value >> 6) & 63];
  }
}

std::vector<unsigned char> randomBytes(std::size_t count) {
  std::vector<unsigned char> bytes(count);
  if (count > static_cast<std::size_t>(INT_MAX) || RAND_bytes(bytes.data(), static_cast<int>(count)) != 1)
    throw std::runtime_error("the system random number generator failed");
  return bytes;
}

} // namespace

GeneratedApiKey generateApiKey() {
  std::vector<unsigned char> bytes = randomBytes(kApiKeyRandomBytes);
  GeneratedApiKey key;
  key.secret.reserve(kApiKeyLength);
  key.secret = kApiKeyPrefix;
  appendBase64Url(key.secret, bytes.data(), bytes.size());
  OPENSSL_cleanse(bytes.data(), bytes.size());
  if (key.secret.size() != kApiKeyLength)
    throw std::logic_error("generated API key has the wrong length");
  key.hash = hashApiKey(key.secret);
  key.displayPrefix = key.secret.substr(0, kDisplayPrefixLength);
  return key;
}

std::string hashApiKey(std::string_view secret) {
  return sha256HexString(secret);
}

bool looksLikeApiKey(std::string_view text) {
  if (text.size() != kApiKeyLength || text.substr(0, kApiKeyPrefix.size()) != kApiKeyPrefix)
    return false;
  for (char c : text.substr(kApiKeyPrefix.size())) {
    if (!isBase64UrlCharacter(c))
      return false;
  }
  return true;
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  // Only the contents are secret; lengths are fixed by the formats compared here.
  if (a.size() != b.size())
    return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string randomToken(std::size_t bytes) {
  std::vector<unsigned char> random = randomBytes(bytes);
  std::string token;
  token.reserve((bytes * 4 + 2) / 3);
  appendBase64Url(token, random.data(), random.size());
  OPENSSL_cleanse(random.data(), random.size());
  return token;
}

} // namespace gatehouse::auth
