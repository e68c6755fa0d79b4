#include <gatehouse/http/error_writer.hpp>

namespace gatehouse::http {

void sendError(ResponseSink& response, const ApiError& error) {
  if (response.started())
    return;
  response.send(error.status, "application/json", toJson(error));
}

std::string sseErrorEvent(const ApiError& error) {
  std::string event = "data: ";
  event.append(toJson(error)).append("\n\n");
  return event;
}

} // namespace gatehouse::http
