// An upstream response read off a pooled connection (UpstreamResponse over real sockets).
#pragma once

#include <gatehouse/plugin_host/upstream.hpp>
#include <gatehouse/upstream/body_reader.hpp>
#include <gatehouse/upstream/connection_pool.hpp>
#include <gatehouse/upstream/exchange_timer.hpp>
#include <gatehouse/upstream/response_head.hpp>
#include <gatehouse/upstream/sse_parser.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace gatehouse {

class PooledResponse : public UpstreamResponse {
public:
  // Owns the connection and its pool slot from here on.
  PooledResponse(std::shared_ptr<ConnectionPool> pool, std::string poolKey,
                 std::unique_ptr<UpstreamConnection> connection, std::unique_ptr<ResponseHead> head,
                 ExchangeTimer timer, int idleTimeoutMs, std::size_t maxResponseBytes, std::string authority);
  // A completely read keep-alive body gives the connection back to the pool; anything
  // else closes it at once.
  ~PooledResponse() override;

  int status() const override { return head_->status(); }
  std::string_view header(std::string_view name) const override { return head_->header(name); }

  gh_status readBody(std::string& out, UpstreamFailure& failure) override;
  gh_status nextEvent(SseEventView& out, UpstreamFailure& failure) override;
  gh_status readChunk(std::string& out, UpstreamFailure& failure) override;

  static constexpr std::size_t kMaxChunkBytes = 64 * 1024;

private:
  gh_status failed(UpstreamFailure& failure, gh_status status, std::string message);
  void readWholeBody(std::string& out);
  bool readEvent(SseEventView& out);

  std::shared_ptr<ConnectionPool> pool_;
  std::string poolKey_;
  std::unique_ptr<UpstreamConnection> connection_;
  std::unique_ptr<ResponseHead> head_;
  ExchangeTimer timer_;
  std::size_t maxResponseBytes_;
  std::string authority_;
  BodyReader body_;
  SseParser events_;
  std::string scratch_; // decoded body bytes on their way into the event parser
  bool bodyEnded_ = false;
  bool broken_ = false;
  std::string brokenMessage_;
};

} // namespace gatehouse
