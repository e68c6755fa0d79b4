// Where a handler writes its answer. The server implements it over a POCO response;
// tests implement it in memory. Handlers never see POCO, so the request path can be
// tested without sockets.
#pragma once

#include <string_view>

namespace gatehouse::http {

class ResponseSink {
public:
  virtual ~ResponseSink() = default;

  // True once a status line has gone out: from then on only stream events may follow.
  virtual bool started() const = 0;
  // Adds a header to the response that has not started yet (e.g. Allow).
  virtual void setHeader(std::string_view name, std::string_view value) = 0;
  // Asks for the connection to be closed after this response (e.g. an unread body).
  virtual void closeConnection() = 0;

  // Sends a complete response with a body. Must not be called once started().
  virtual void send(int status, std::string_view contentType, std::string_view body) = 0;

  // Starts a 200 text/event-stream response (chunked, Cache-Control: no-cache).
  // Returns false when the client has gone away.
  virtual bool beginEventStream() = 0;
  // Writes already framed SSE bytes and flushes them to the client. Returns false when
  // the write failed (the client has gone away); every later write fails too.
  virtual bool writeEvent(std::string_view framedBytes) = 0;
};

} // namespace gatehouse::http
