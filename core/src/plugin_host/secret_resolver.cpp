#include <gatehouse/plugin_host/secret_resolver.hpp>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <system_error>

namespace gatehouse {
namespace {

constexpr std::string_view kEnvPrefix = "env:";
constexpr std::string_view kFilePrefix = "file:";
// Secrets are small; the cap keeps "file:/dev/zero" from reading forever.
constexpr std::size_t kMaxSecretFileBytes = std::size_t{64} * 1024;

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

gh_status resolveEnvironment(std::string_view reference, std::string_view name, std::string& value,
                             std::string& error) {
  if (name.empty()) {
    error = "secret reference 'env:' names no variable";
    return GH_ERROR_INVALID_ARGUMENT;
  }
  // The gateway never modifies its environment, so reading it from any thread is safe.
  const char* found = std::getenv(std::string(name).c_str()); // NOLINT(concurrency-mt-unsafe)
  if (found == nullptr || *found == '\0') {
    error =
        "secret '" + std::string(reference) + "' is not set: the environment variable is missing or empty";
    return GH_ERROR_NOT_FOUND;
  }
  value.append(found);
  return GH_OK;
}

gh_status resolveFile(std::string_view reference, std::string_view path, std::string& value,
                      std::string& error) {
  if (path.empty()) {
    error = "secret reference 'file:' names no file";
    return GH_ERROR_INVALID_ARGUMENT;
  }
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) {
    error =
        "secret '" + std::string(reference) + "' cannot be read: " + std::generic_category().message(errno);
    return GH_ERROR_NOT_FOUND;
  }
  std::string contents(kMaxSecretFileBytes + 1, '\0');
  in.read(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (in.bad()) {
    error = "secret '" + std::string(reference) + "' cannot be read";
    return GH_ERROR_NOT_FOUND;
  }
  contents.resize(static_cast<std::size_t>(in.gcount()));
  if (contents.size() > kMaxSecretFileBytes) {
    error = "secret '" + std::string(reference) + "' is larger than 64 KiB";
    return GH_ERROR_INVALID_ARGUMENT;
  }
  if (!contents.empty() && contents.back() == '\n') {
    contents.pop_back();
  }
  value.append(contents);
  return GH_OK;
}

} // namespace

gh_status resolveSecret(std::string_view reference, std::string& value, std::string& error) {
  if (startsWith(reference, kEnvPrefix)) {
    return resolveEnvironment(reference, reference.substr(kEnvPrefix.size()), value, error);
  }
  if (startsWith(reference, kFilePrefix)) {
    return resolveFile(reference, reference.substr(kFilePrefix.size()), value, error);
  }
  // Not echoed: a malformed reference is often the secret itself pasted in its place.
  error = "a secret reference must look like env:NAME or file:PATH";
  return GH_ERROR_INVALID_ARGUMENT;
}

} // namespace gatehouse
