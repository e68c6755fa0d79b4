// Secret references: how config names a secret without containing it. The config loader
// only checks their form; whoever needs the value (the store, the host's resolve_secret)
// reads it at the moment of use, so secrets never sit in GatewayConfig or its rendering.
#pragma once

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

// Parses "env:NAME" (NAME is letters, digits and '_', not starting with a digit) or
// "file:PATH" (PATH non-empty, used as written). Anything else, including a plain
// secret, gives nullopt, so callers can refuse it without echoing it.
std::optional<SecretReference> parseSecretReference(std::string_view text);

} // namespace gatehouse
