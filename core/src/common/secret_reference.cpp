#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/common/secret_reference.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <system_error>

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
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return isAsciiLetter(c) || isAsciiDigit(c) || c == '_'; });
}

std::string named(std::string_view reference) {
  return "secret '" + std::string(reference) + "'";
}

gh_status resolveEnvironment(std::string_view reference, const std::string& name, std::string& value,
                             std::string& error) {
  // The gateway never modifies its environment, so reading it from any thread is safe.
  const char* found = std::getenv(name.c_str()); // NOLINT(concurrency-mt-unsafe)
  if (found == nullptr || *found == '\0') {
    error = named(reference) + " is not set: the environment variable is missing or empty";
    return GH_ERROR_NOT_FOUND;
  }
  value.append(found);
  return GH_OK;
}

void stripOneLineEnding(std::string& contents) {
  if (!contents.empty() && contents.back() == '\n') {
    contents.pop_back();
    if (!contents.empty() && contents.back() == '\r') {
      contents.pop_back();
    }
  }
}

gh_status resolveFile(std::string_view reference, const std::string& path, std::string& value,
                      std::string& error) {
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    error = named(reference) + " cannot be read: " + std::generic_category().message(errno);
    return GH_ERROR_NOT_FOUND;
  }
  std::string contents(kMaxSecretFileBytes + 1, '\0');
  in.read(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (in.bad()) {
    error = named(reference) + " cannot be read";
    return GH_ERROR_NOT_FOUND;
  }
  contents.resize(static_cast<std::size_t>(in.gcount()));
  if (contents.size() > kMaxSecretFileBytes) {
    std::fill(contents.begin(), contents.end(), '\0');
    error = named(reference) + " is larger than 64 KiB";
    return GH_ERROR_INVALID_ARGUMENT;
  }
  stripOneLineEnding(contents);
  value.append(contents);
  // Not left behind in freed heap memory longer than needed.
  std::fill(contents.begin(), contents.end(), '\0');
  return GH_OK;
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

gh_status resolveSecret(std::string_view reference, std::string& value, std::string& error) {
  const std::optional<SecretReference> parsed = parseSecretReference(reference);
  if (!parsed) {
    // Not echoed: a malformed reference is often the secret itself pasted in its place.
    error = "a secret reference must look like env:NAME or file:PATH";
    return GH_ERROR_INVALID_ARGUMENT;
  }
  const gh_status status = parsed->source == SecretSource::Environment
                               ? resolveEnvironment(reference, parsed->target, value, error)
                               : resolveFile(reference, parsed->target, value, error);
  if (status == GH_OK) {
    secrets::remember(value);
  }
  return status;
}

} // namespace gatehouse
