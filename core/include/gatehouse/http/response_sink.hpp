// Where a handler writes its answer. The server implements it over a POCO response;
// tests implement it in memory. Handlers never see POCO, so the request path can be
// tested without sockets.
#pragma once

#include <string_view>

namespace gatehouse::http {

class ResponseSink {
public:
  virtual ~ResponseSink() = default;

  // True once a status line has gone out: from then on only stream writes may follow.
  virtual bool started() const = 0;
  // Adds a header to the response that has not started yet (e.g. Allow).
  virtual void setHeader(std::string_view name, std::string_view value) = 0;
  // Adds another header of the same name instead of replacing it (Set-Cookie may appear
  // several times). The default replaces, for sinks that never need more than one.
  virtual void addHeader(std::string_view name, std::string_view value) { setHeader(name, value); }
  // Asks for the connection to be closed after this response (e.g. an unread body).
  virtual void closeConnection() = 0;

  // Sends a complete response with a body. Must not be called once started().
  virtual void send(int status, std::string_view contentType, std::string_view body) = 0;

  // Starts a streamed response (chunked transfer) with any status and content type.
  // Returns false when the client has gone away. The body ends properly (terminating
  // chunk) once the handler returns, unless abort() was called.
  virtual bool beginStream(int status, std::string_view contentType) = 0;
  // Writes bytes of a started stream and flushes them to the client. Returns false when
  // the write failed (the client has gone away); every later write fails too.
  virtual bool writeBody(std::string_view bytes) = 0;
  // Cuts the connection of a started stream without ending its body, so the client
  // sees an incomplete response instead of a complete but wrong one. No-op before a
  // stream started.
  virtual void abort() = 0;

  // A 200 text/event-stream response (Cache-Control: no-cache).
  bool beginEventStream() {
    setHeader("Cache-Control", "no-cache");
    return beginStream(200, "text/event-stream");
  }
  // Writes already framed SSE bytes.
  bool writeEvent(std::string_view framedBytes) { return writeBody(framedBytes); }
};

} // namespace gatehouse::http
