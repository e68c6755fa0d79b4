// Incremental decoding of an HTTP/1.1 chunked body (RFC 9112 section 7.1), fed whatever
// bytes the socket gave. Chunk extensions and trailer fields are read and dropped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse {

class ChunkedDecoder {
public:
  // Appends at most `maxOut` payload bytes decoded from `input` to `out` and returns how
  // many input bytes it used. Stops early at the end of the body, or on malformed input
  // (then failed() is true and error() says why).
  std::size_t decode(std::string_view input, std::string& out, std::size_t maxOut);

  bool done() const { return state_ == State::Done; }
  bool failed() const { return state_ == State::Failed; }
  const char* error() const { return error_; }

private:
  enum class State {
    Size,
    Extension,
    SizeLf,
    Data,
    DataCr,
    DataLf,
    TrailerStart,
    TrailerLine,
    TrailerLf,
    Done,
    Failed
  };

  void fail(const char* why);

  State state_ = State::Size;
  std::uint64_t chunkLeft_ = 0;
  int sizeDigits_ = 0;
  const char* error_ = "";
};

} // namespace gatehouse
