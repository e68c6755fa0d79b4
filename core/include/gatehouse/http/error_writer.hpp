// Sends ApiErrors as HTTP responses in the OpenAI error shape.
#pragma once

#include <gatehouse/http/api_error.hpp>
#include <gatehouse/http/response_sink.hpp>

namespace gatehouse::http {

// Sends `error` as a JSON response with its status. Does nothing if the response has
// already started (the caller decides how to end a started stream).
void sendError(ResponseSink& response, const ApiError& error);

// Frames `error` as one SSE event ("data: {"error":{...}}\n\n") for a started stream.
std::string sseErrorEvent(const ApiError& error);

} // namespace gatehouse::http
