#include "key_shape.hpp"

namespace gatehouse::plugins::api_key {
namespace {

bool isBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

bool hasKeyPrefix(std::string_view credential) {
  return credential.substr(0, kKeyPrefix.size()) == kKeyPrefix;
}

bool isWellFormedKey(std::string_view credential) {
  if (credential.size() != kKeyLength || !hasKeyPrefix(credential)) {
    return false;
  }
  for (char c : credential.substr(kKeyPrefix.size())) {
    if (!isBase64Url(c)) {
      return false;
    }
  }
  return true;
}

} // namespace gatehouse::plugins::api_key
