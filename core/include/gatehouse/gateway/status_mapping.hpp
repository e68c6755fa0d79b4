// How a plugin's failure status becomes the client's HTTP error (the brackets in
// plugin_abi.h).
#pragma once

#include <gatehouse/http/api_error.hpp>
#include <gatehouse/plugin_abi.h>

#include <string_view>

namespace gatehouse::gateway {

// The HTTP status for a failure status; 499 (client closed) for GH_ERROR_CANCELLED and
// 500 for GH_ERROR_INTERNAL, GH_ERROR_CONFIG and unknown values.
int httpStatusFor(gh_status status);

// The client's error for a plugin failure. The plugin's message is passed on for
// failures that are about the request or the upstream; for 500s the client only gets a
// generic message quoting the request id (the caller logs the plugin's message).
http::ApiError apiErrorFor(gh_status status, std::string_view pluginMessage, std::string_view requestId);

} // namespace gatehouse::gateway
