#include <gatehouse/gateway/credential_lease.hpp>
#include <gatehouse/gateway/credential_rest.hpp>

#include <chrono>

namespace gatehouse::gateway {
namespace {

std::int64_t steadyNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t epochNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace

std::string_view CredentialLease::secret() {
  if (pool_ == nullptr) {
    return {};
  }
  if (!index_) {
    index_ = pool_->pick(steadyNowMs());
  }
  return pool_->credential(*index_).secret;
}

std::string_view CredentialLease::name() const {
  return index_ ? std::string_view(pool_->credential(*index_).name) : std::string_view();
}

void CredentialLease::observe(const UpstreamResponse& response) {
  if (!index_) {
    return;
  }
  const int status = response.status();
  if (status != 429 && status != 401 && status != 403) {
    return; // the common case: no clock, no header lookups
  }
  const std::int64_t restMs = credentialRestMs(status, response.header("retry-after-ms"),
                                               response.header("retry-after"), epochNowMs());
  pool_->rest(*index_, restMs, status, steadyNowMs());
}

} // namespace gatehouse::gateway
