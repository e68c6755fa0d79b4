// Secret references in configuration: "env:NAME" or "file:PATH", never the secret itself.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::store {

// Returns the secret ("" for an empty reference). A file's trailing newlines are dropped.
// Throws StoreError(Invalid) naming `setting` (never the value) when the reference is malformed,
// the variable is unset or the file unreadable.
std::string resolveSecretRef(std::string_view reference, std::string_view setting);

} // namespace gatehouse::store
