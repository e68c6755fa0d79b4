#include <gatehouse/http/body_reader.hpp>

#include <algorithm>

namespace gatehouse::http {
namespace {

constexpr std::size_t kReadBlock = 16 * 1024;

BodyStatus readExactly(std::istream& in, std::size_t length, std::string& out) {
  out.resize(length);
  std::size_t filled = 0;
  while (filled < length) {
    in.read(out.data() + filled, static_cast<std::streamsize>(std::min(kReadBlock, length - filled)));
    const auto got = static_cast<std::size_t>(in.gcount());
    filled += got;
    if (got == 0 || in.bad())
      break;
  }
  if (filled < length) {
    out.resize(filled);
    return BodyStatus::Truncated;
  }
  return BodyStatus::Ok;
}

BodyStatus readUntilEnd(std::istream& in, std::size_t limit, std::string& out) {
  char block[kReadBlock];
  for (;;) {
    in.read(block, sizeof block);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > limit - out.size())
      return BodyStatus::TooLarge;
    out.append(block, got);
    // A stream error (not a clean end) means the chunked framing broke or the peer vanished.
    if (in.bad())
      return BodyStatus::Truncated;
    if (got < sizeof block)
      return BodyStatus::Ok;
  }
}

} // namespace

bool declaredLengthExceeds(const BodyFraming& framing, std::size_t limit) {
  return !framing.chunked && framing.contentLength && *framing.contentLength > limit;
}

BodyStatus readBody(std::istream& in, const BodyFraming& framing, std::size_t limit, std::string& out) {
  out.clear();
  if (framing.chunked)
    return readUntilEnd(in, limit, out);
  if (!framing.contentLength)
    return BodyStatus::Ok;
  if (*framing.contentLength > limit)
    return BodyStatus::TooLarge;
  return readExactly(in, static_cast<std::size_t>(*framing.contentLength), out);
}

} // namespace gatehouse::http
