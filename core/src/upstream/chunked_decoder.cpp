#include <gatehouse/upstream/chunked_decoder.hpp>

#include <algorithm>

namespace gatehouse {
namespace {

// 15 hex digits stay far below 2^64 and far above any real chunk.
constexpr int kMaxSizeDigits = 15;

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

} // namespace

void ChunkedDecoder::fail(const char* why) {
  state_ = State::Failed;
  error_ = why;
}

std::size_t ChunkedDecoder::decode(std::string_view input, std::string& out, std::size_t maxOut) {
  std::size_t i = 0;
  std::size_t produced = 0;
  while (i < input.size() && state_ != State::Done && state_ != State::Failed) {
    const char c = input[i];
    switch (state_) {
    case State::Size: {
      const int digit = hexValue(c);
      if (digit >= 0) {
        if (++sizeDigits_ > kMaxSizeDigits) {
          fail("chunk size too large");
          break;
        }
        chunkLeft_ = chunkLeft_ * 16 + static_cast<std::uint64_t>(digit);
        ++i;
      } else if (sizeDigits_ == 0) {
        fail("invalid chunk size");
      } else if (c == ';' || c == ' ' || c == '\t') {
        state_ = State::Extension;
        ++i;
      } else if (c == '\r') {
        state_ = State::SizeLf;
        ++i;
      } else if (c == '\n') {
        state_ = chunkLeft_ == 0 ? State::TrailerStart : State::Data;
        ++i;
      } else {
        fail("invalid chunk size");
      }
      break;
    }
    case State::Extension:
      if (c == '\n') {
        state_ = chunkLeft_ == 0 ? State::TrailerStart : State::Data;
      }
      ++i;
      break;
    case State::SizeLf:
      if (c != '\n') {
        fail("invalid chunk size line");
        break;
      }
      state_ = chunkLeft_ == 0 ? State::TrailerStart : State::Data;
      ++i;
      break;
    case State::Data: {
      if (produced == maxOut) {
        return i;
      }
      const std::size_t take = static_cast<std::size_t>(
          std::min<std::uint64_t>({chunkLeft_, input.size() - i, maxOut - produced}));
      out.append(input.data() + i, take);
      produced += take;
      chunkLeft_ -= take;
      i += take;
      if (chunkLeft_ == 0) {
        state_ = State::DataCr;
      }
      break;
    }
    case State::DataCr:
      if (c == '\r') {
        state_ = State::DataLf;
        ++i;
      } else if (c == '\n') {
        state_ = State::Size;
        sizeDigits_ = 0;
        ++i;
      } else {
        fail("missing line break after chunk data");
      }
      break;
    case State::DataLf:
      if (c != '\n') {
        fail("missing line break after chunk data");
        break;
      }
      state_ = State::Size;
      sizeDigits_ = 0;
      ++i;
      break;
    case State::TrailerStart:
      // An empty line ends the body; anything else is a trailer field to skip.
      if (c == '\r') {
        state_ = State::TrailerLf;
      } else if (c == '\n') {
        state_ = State::Done;
      } else {
        state_ = State::TrailerLine;
      }
      ++i;
      break;
    case State::TrailerLine:
      if (c == '\n') {
        state_ = State::TrailerStart;
      }
      ++i;
      break;
    case State::TrailerLf:
      if (c != '\n') {
        fail("invalid chunked body end");
        break;
      }
      state_ = State::Done;
      ++i;
      break;
    case State::Done:
    case State::Failed: break;
    }
  }
  return i;
}

} // namespace gatehouse
