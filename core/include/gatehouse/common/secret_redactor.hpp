// A last line of defence that keeps secrets out of logs, errors and error responses:
// every secret the process resolves (resolveSecret registers it) is masked wherever text
// leaves through log::write, an API error or a plugin's error message. Code should still
// never put a secret into such text; this catches the case where an upstream or a library
// echoes one back.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::secrets {

// Shorter values are not registered: they would mask ordinary words.
inline constexpr std::size_t kMinRedactedLength = 8;
inline constexpr std::string_view kRedactedMarker = "[REDACTED]";

// Registers `value` (a copy is kept for the life of the process). Thread-safe.
void remember(std::string_view value);
// Replaces every registered secret in `text` with kRedactedMarker; true when any was.
// Costs one lock-free check when nothing is registered.
bool redact(std::string& text);
// For tests: forgets every registered secret.
void forgetAllForTesting();

} // namespace gatehouse::secrets
