#include <gatehouse/http/error_writer.hpp>

#include <string>

namespace gatehouse::http {

void sendError(ResponseSink& response, const ApiError& error) {
  if (response.started())
    return;
  if (error.retryAfterSeconds > 0)
    response.setHeader("Retry-After", std::to_string(error.retryAfterSeconds));
  response.send(error.status, "application/json", toJson(error));
}

std::string sseErrorEvent(const ApiError& error) {
  std::string event = "data: ";
  event.append(toJson(error)).append("\n\n");
  return event;
}

} // namespace gatehouse::http
