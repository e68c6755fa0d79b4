// The gh_host_api table every plugin receives in init.
#pragma once

#include <gatehouse/plugin_abi.h>

namespace gatehouse {

// One static table for all plugins: the per-plugin state travels in gh_host*. Every
// function tolerates NULL and malformed arguments from a plugin (it returns an error
// status or an empty view) and never lets a C++ exception escape into plugin code.
const gh_host_api& hostApi();

} // namespace gatehouse
