// Secret references: how config names a secret without containing it ("env:NAME" or
// "file:PATH"). The one implementation used by the config loader (form only), the store
// (MySQL password) and the plugin host (gh_host_api.resolve_secret), so a reference means
// the same thing everywhere. Values are read at the moment of use and never logged.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse {

enum class SecretSource {
  Environment, // "env:NAME": the environment variable NAME
  File,        // "file:PATH": the contents of the file PATH
};

struct SecretReference {
  SecretSource source = SecretSource::Environment;
  std::string target; // the variable name or the file path
};

// Secrets are small; the cap keeps "file:/dev/zero" from reading forever.
inline constexpr std::size_t kMaxSecretFileBytes = std::size_t{64} * 1024;

// Parses "env:NAME" (NAME is letters, digits and '_', not starting with a digit) or
// "file:PATH" (PATH non-empty, used as written). Anything else, including a plain
// secret, gives nullopt, so callers can refuse it without echoing it.
std::optional<SecretReference> parseSecretReference(std::string_view text);

// Resolves a reference accepted by parseSecretReference, appending the value to `value`:
// an environment variable must be set and non-empty; a file is read whole (at most
// kMaxSecretFileBytes) and a single trailing "\n" or "\r\n" is removed, since editors
// and `echo` add one that is not part of the secret (anything before it is kept).
// Returns GH_OK, GH_ERROR_NOT_FOUND when the variable or file is missing or unreadable,
// or GH_ERROR_INVALID_ARGUMENT for a malformed reference or an oversized file; `error`
// then says why. The error names the reference (for a malformed one not even that, as
// it may be a pasted secret) and never contains the value. On failure `value` is unchanged.
gh_status resolveSecret(std::string_view reference, std::string& value, std::string& error);

} // namespace gatehouse
