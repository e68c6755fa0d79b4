#include <gatehouse/upstream/body_reader.hpp>
#include <gatehouse/upstream/upstream_error.hpp>

#include <algorithm>

namespace gatehouse {

BodyReader::BodyReader(UpstreamConnection& connection, const ResponseHead& head, const ExchangeTimer& timer,
                       int idleTimeoutMs, std::string authority)
    : connection_(connection), timer_(timer), idleTimeoutMs_(idleTimeoutMs), authority_(std::move(authority)),
      framing_(head.framing()), lengthLeft_(head.contentLength()) {
  complete_ = framing_ == BodyFraming::None || (framing_ == BodyFraming::ContentLength && lengthLeft_ == 0);
}

void BodyReader::cutOff() const {
  throw UpstreamError(GH_ERROR_UPSTREAM, "upstream " + authority_ + " closed the connection mid-body");
}

std::size_t BodyReader::takeBuffered(std::string& out, std::size_t maxBytes) {
  const std::string_view buffered = connection_.buffered();
  if (buffered.empty()) {
    return 0;
  }
  if (framing_ == BodyFraming::Chunked) {
    const std::size_t before = out.size();
    connection_.consume(chunked_.decode(buffered, out, maxBytes));
    if (chunked_.failed()) {
      throw UpstreamError(GH_ERROR_UPSTREAM,
                          "invalid response from " + authority_ + ": " + std::string(chunked_.error()));
    }
    complete_ = chunked_.done();
    return out.size() - before;
  }
  std::size_t take = std::min(buffered.size(), maxBytes);
  if (framing_ == BodyFraming::ContentLength) {
    take = static_cast<std::size_t>(std::min<std::uint64_t>(take, lengthLeft_));
    lengthLeft_ -= take;
    complete_ = lengthLeft_ == 0;
  }
  out.append(buffered.substr(0, take));
  connection_.consume(take);
  return take;
}

bool BodyReader::receiveMore() {
  const ExchangeTimer::Limit limit = timer_.phase(idleTimeoutMs_);
  switch (connection_.fill(limit.left())) {
  case UpstreamConnection::Read::Data: return true;
  case UpstreamConnection::Read::End: return false;
  case UpstreamConnection::Read::Failed: cutOff();
  case UpstreamConnection::Read::Timeout: break;
  }
  if (limit.total) {
    throw UpstreamError(GH_ERROR_UPSTREAM_TIMEOUT,
                        "upstream " + authority_ + " did not finish within " + timer_.describe(limit));
  }
  throw UpstreamError(GH_ERROR_UPSTREAM_TIMEOUT, "upstream " + authority_ + " sent nothing for " +
                                                     std::to_string(idleTimeoutMs_) + " ms");
}

bool BodyReader::read(std::string& out, std::size_t maxBytes) {
  while (!complete_) {
    if (takeBuffered(out, maxBytes) > 0) {
      return true;
    }
    if (complete_) {
      break;
    }
    if (!receiveMore()) {
      if (framing_ != BodyFraming::UntilClose) {
        cutOff();
      }
      complete_ = true;
    }
  }
  return false;
}

} // namespace gatehouse
