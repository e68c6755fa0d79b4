#include <gatehouse/plugin_host/abi_text.hpp>

namespace gatehouse {

std::string_view statusName(gh_status status) {
  switch (status) {
  case GH_OK: return "ok";
  case GH_ERROR_INVALID_ARGUMENT: return "invalid_argument";
  case GH_ERROR_NOT_FOUND: return "not_found";
  case GH_ERROR_UNAUTHENTICATED: return "unauthenticated";
  case GH_ERROR_PERMISSION_DENIED: return "permission_denied";
  case GH_ERROR_RESOURCE_EXHAUSTED: return "resource_exhausted";
  case GH_ERROR_UNAVAILABLE: return "unavailable";
  case GH_ERROR_UNSUPPORTED: return "unsupported";
  case GH_ERROR_CANCELLED: return "cancelled";
  case GH_ERROR_INTERNAL: return "internal";
  case GH_ERROR_UPSTREAM: return "upstream";
  case GH_ERROR_CONFIG: return "config";
  case GH_ERROR_UPSTREAM_TIMEOUT: return "upstream_timeout";
  default: return "unknown";
  }
}

bool isKnownStatus(gh_status status) {
  return statusName(status) != "unknown";
}

std::string_view kindName(gh_plugin_kind kind) {
  switch (kind) {
  case GH_KIND_PROVIDER: return "provider";
  case GH_KIND_AUTH: return "auth";
  case GH_KIND_BILLING: return "billing";
  default: return "unknown";
  }
}

} // namespace gatehouse
