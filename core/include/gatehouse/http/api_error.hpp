// A client-facing error in the OpenAI error shape:
//   {"error":{"message":"...","type":"...","param":null|"...","code":null|"..."}}
// Every error the gateway sends is built from one of these, so clients and SDKs that
// understand OpenAI's errors understand ours.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::http {

enum class ErrorType {
  InvalidRequest, // invalid_request_error
  Authentication, // authentication_error
  Permission,     // permission_error
  NotFound,       // not_found_error
  RateLimit,      // rate_limit_error
  Server,         // server_error
  Api,            // api_error (upstream or dependency trouble)
};

std::string_view errorTypeName(ErrorType type);

struct ApiError {
  int status = 500;
  ErrorType type = ErrorType::Server;
  std::string message;
  std::string param; // empty: JSON null
  std::string code;  // empty: JSON null
  // > 0: sendError adds "Retry-After" with it (e.g. to a 429).
  int retryAfterSeconds = 0;
};

// The {"error":{...}} document, compact, as the body of an error response or the data
// of an SSE error event.
std::string toJson(const ApiError& error);

// Builders for the errors the HTTP layer itself produces.
ApiError badRequest(std::string message, std::string param = {}, std::string code = {});
ApiError notFound(std::string message, std::string code = {});
ApiError internalError(std::string_view requestId);

} // namespace gatehouse::http
