#include "client_error.hpp"

#include <utility>

namespace gatehouse::plugins::gemini {

gh_status statusForHttp(int httpStatus) {
  switch (httpStatus) {
  case 401: return GH_ERROR_UNAUTHENTICATED;
  case 403: return GH_ERROR_PERMISSION_DENIED;
  case 404: return GH_ERROR_NOT_FOUND;
  case 429: return GH_ERROR_RESOURCE_EXHAUSTED;
  case 503: return GH_ERROR_UNAVAILABLE;
  case 504: return GH_ERROR_UPSTREAM_TIMEOUT;
  default: return httpStatus >= 500 ? GH_ERROR_UPSTREAM : GH_ERROR_INVALID_ARGUMENT;
  }
}

ClientError::ClientError(providers::OpenAiError error)
    : sdk::Error(statusForHttp(error.status), error.message), error_(std::move(error)) {
}

ClientError invalidParam(std::string param, std::string message) {
  providers::OpenAiError error;
  error.status = 400;
  error.type = "invalid_request_error";
  error.message = std::move(message);
  error.param = std::move(param);
  return ClientError(std::move(error));
}

} // namespace gatehouse::plugins::gemini
