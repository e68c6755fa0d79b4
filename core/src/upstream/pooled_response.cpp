#include <gatehouse/upstream/pooled_response.hpp>
#include <gatehouse/upstream/upstream_error.hpp>

namespace gatehouse {

PooledResponse::PooledResponse(std::shared_ptr<ConnectionPool> pool, std::string poolKey,
                               std::unique_ptr<UpstreamConnection> connection,
                               std::unique_ptr<ResponseHead> head, ExchangeTimer timer, int idleTimeoutMs,
                               std::size_t maxResponseBytes, std::string authority)
    : pool_(std::move(pool)), poolKey_(std::move(poolKey)), connection_(std::move(connection)),
      head_(std::move(head)), timer_(timer), maxResponseBytes_(maxResponseBytes),
      authority_(std::move(authority)), body_(*connection_, *head_, timer_, idleTimeoutMs, authority_) {
}

PooledResponse::~PooledResponse() {
  // Bytes past the body would be read as the next response's head: such a connection
  // is out of step with the upstream and cannot be reused.
  const bool reusable = !broken_ && body_.complete() && head_->keepAlive() && connection_->buffered().empty();
  if (!reusable) {
    connection_->close();
    connection_.reset();
  }
  pool_->release(poolKey_, std::move(connection_));
}

gh_status PooledResponse::failed(UpstreamFailure& failure, gh_status status, std::string message) {
  if (!broken_) {
    broken_ = true;
    brokenMessage_ = message;
    connection_->close(); // stop the upstream now, not when the response is destroyed
  }
  failure.status = status;
  failure.message = std::move(message);
  return status;
}

void PooledResponse::readWholeBody(std::string& out) {
  if (head_->framing() == BodyFraming::ContentLength && head_->contentLength() > maxResponseBytes_) {
    throw UpstreamError(GH_ERROR_UPSTREAM, "response from " + authority_ + " is larger than " +
                                               std::to_string(maxResponseBytes_) + " bytes");
  }
  std::size_t received = 0;
  const std::size_t start = out.size();
  // One byte more than allowed shows that the body is too large without reading all of it.
  while (body_.read(out, maxResponseBytes_ - received + 1)) {
    received = out.size() - start;
    if (received > maxResponseBytes_) {
      out.resize(start);
      throw UpstreamError(GH_ERROR_UPSTREAM, "response from " + authority_ + " is larger than " +
                                                 std::to_string(maxResponseBytes_) + " bytes");
    }
  }
}

gh_status PooledResponse::readBody(std::string& out, UpstreamFailure& failure) {
  if (broken_) {
    return failed(failure, GH_ERROR_UPSTREAM, brokenMessage_);
  }
  try {
    readWholeBody(out);
    return GH_OK;
  } catch (const UpstreamError& error) {
    return failed(failure, error.status(), error.what());
  }
}

bool PooledResponse::readEvent(SseEventView& out) {
  SseEvent event;
  for (;;) {
    if (events_.next(event)) {
      break;
    }
    if (bodyEnded_) {
      if (events_.finish(event)) {
        break;
      }
      return false;
    }
    scratch_.clear();
    if (!body_.read(scratch_, kMaxChunkBytes)) {
      bodyEnded_ = true;
      continue;
    }
    events_.feed(scratch_);
    if (events_.pendingBytes() > maxResponseBytes_) {
      throw UpstreamError(GH_ERROR_UPSTREAM, "an event from " + authority_ + " is larger than " +
                                                 std::to_string(maxResponseBytes_) + " bytes");
    }
  }
  out.end = false;
  out.event = event.event;
  out.data = event.data;
  out.id = event.id;
  return true;
}

gh_status PooledResponse::nextEvent(SseEventView& out, UpstreamFailure& failure) {
  if (broken_) {
    return failed(failure, GH_ERROR_UPSTREAM, brokenMessage_);
  }
  try {
    if (!readEvent(out)) {
      out = SseEventView{};
      out.end = true;
    }
    return GH_OK;
  } catch (const UpstreamError& error) {
    return failed(failure, error.status(), error.what());
  }
}

gh_status PooledResponse::readChunk(std::string& out, UpstreamFailure& failure) {
  if (broken_) {
    return failed(failure, GH_ERROR_UPSTREAM, brokenMessage_);
  }
  try {
    body_.read(out, kMaxChunkBytes);
    return GH_OK;
  } catch (const UpstreamError& error) {
    return failed(failure, error.status(), error.what());
  }
}

} // namespace gatehouse
