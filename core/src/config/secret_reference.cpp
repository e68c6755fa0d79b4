#include <gatehouse/config/secret_reference.hpp>

namespace gatehouse {
namespace {

constexpr std::string_view kEnvPrefix = "env:";
constexpr std::string_view kFilePrefix = "file:";

bool isAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// POSIX portable environment names; anything else cannot be set from a shell or a
// systemd unit, so it is almost certainly a typo or a pasted secret.
bool isEnvironmentName(std::string_view name) {
  if (name.empty() || isAsciiDigit(name.front())) {
    return false;
  }
  for (char c : name) {
    if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_') {
      return false;
    }
  }
  return true;
}

} // namespace

std::optional<SecretReference> parseSecretReference(std::string_view text) {
  if (text.substr(0, kEnvPrefix.size()) == kEnvPrefix) {
    const std::string_view name = text.substr(kEnvPrefix.size());
    if (!isEnvironmentName(name)) {
      return std::nullopt;
    }
    return SecretReference{SecretSource::Environment, std::string(name)};
  }
  if (text.substr(0, kFilePrefix.size()) == kFilePrefix) {
    const std::string_view path = text.substr(kFilePrefix.size());
    if (path.empty()) {
      return std::nullopt;
    }
    return SecretReference{SecretSource::File, std::string(path)};
  }
  return std::nullopt;
}

} // namespace gatehouse
