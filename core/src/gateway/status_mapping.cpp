#include <gatehouse/gateway/status_mapping.hpp>

#include <string>

namespace gatehouse::gateway {
namespace {

using http::ErrorType;

struct Mapping {
  int status;
  ErrorType type;
  const char* code;
};

Mapping mappingFor(gh_status status) {
  switch (status) {
  case GH_ERROR_INVALID_ARGUMENT: return {400, ErrorType::InvalidRequest, "invalid_request"};
  case GH_ERROR_NOT_FOUND: return {404, ErrorType::NotFound, "not_found"};
  case GH_ERROR_UNAUTHENTICATED: return {401, ErrorType::Authentication, "unauthenticated"};
  case GH_ERROR_PERMISSION_DENIED: return {403, ErrorType::Permission, "permission_denied"};
  case GH_ERROR_RESOURCE_EXHAUSTED: return {429, ErrorType::RateLimit, "rate_limit_exceeded"};
  case GH_ERROR_UNAVAILABLE: return {503, ErrorType::Api, "unavailable"};
  case GH_ERROR_UNSUPPORTED: return {400, ErrorType::InvalidRequest, "unsupported"};
  case GH_ERROR_CANCELLED: return {499, ErrorType::InvalidRequest, "cancelled"};
  case GH_ERROR_UPSTREAM: return {502, ErrorType::Api, "upstream_error"};
  case GH_ERROR_UPSTREAM_TIMEOUT: return {504, ErrorType::Api, "upstream_timeout"};
  default: return {500, ErrorType::Server, "internal_error"};
  }
}

} // namespace

int httpStatusFor(gh_status status) {
  return mappingFor(status).status;
}

http::ApiError apiErrorFor(gh_status status, std::string_view pluginMessage, std::string_view requestId) {
  const Mapping mapping = mappingFor(status);
  if (mapping.status == 500)
    return http::internalError(requestId);
  std::string message = pluginMessage.empty() ? std::string("The provider could not serve this request.")
                                              : std::string(pluginMessage);
  return http::ApiError{mapping.status, mapping.type, std::move(message), {}, mapping.code};
}

} // namespace gatehouse::gateway
