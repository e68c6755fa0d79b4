// Words for ABI enumerations, for error messages and logs.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string_view>

namespace gatehouse {

// "ok", "invalid_argument", ... "config"; "unknown" for a value the ABI does not define.
std::string_view statusName(gh_status status);
bool isKnownStatus(gh_status status);

// "provider", "auth", "billing"; "unknown" otherwise.
std::string_view kindName(gh_plugin_kind kind);

} // namespace gatehouse
