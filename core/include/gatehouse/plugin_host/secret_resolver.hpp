// Reads the value behind a secret reference at the moment it is needed, so secrets
// never sit in the config or in logs. Backs gh_host_api.resolve_secret; core (e.g. the
// store's MySQL password) may use it too.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string>
#include <string_view>

namespace gatehouse {

// Resolves "env:NAME" (the variable, which must be set and non-empty) or "file:PATH"
// (the file's contents with one trailing newline removed, at most 64 KiB), appending
// the value to `value`. Returns GH_OK, GH_ERROR_NOT_FOUND when the reference cannot be
// resolved, or GH_ERROR_INVALID_ARGUMENT for another form; `error` then says why. The
// error names the reference (or, for a malformed one, not even that, since it may be a
// pasted secret) and never contains the value.
gh_status resolveSecret(std::string_view reference, std::string& value, std::string& error);

} // namespace gatehouse
