// Reads a request body under a size limit without ever holding more than limit + one
// block in memory, whatever the client claims or sends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace gatehouse::http {

// How the request says its body is delimited.
struct BodyFraming {
  bool chunked = false;
  std::optional<std::uint64_t> contentLength; // absent when not given
};

enum class BodyStatus {
  Ok,
  TooLarge,  // over the limit: by Content-Length (nothing read) or while reading chunks
  Truncated, // the stream ended or failed before Content-Length bytes arrived
};

// Checks the declared length alone, so an oversized body is refused before any of it
// is read. Chunked bodies can only be judged while reading.
bool declaredLengthExceeds(const BodyFraming& framing, std::size_t limit);

// Reads the body from `in` into `out` (cleared first). A request with neither
// Content-Length nor chunked framing has no body (HTTP/1.1), so nothing is read.
BodyStatus readBody(std::istream& in, const BodyFraming& framing, std::size_t limit, std::string& out);

} // namespace gatehouse::http
