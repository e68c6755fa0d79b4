#include <gatehouse/gateway/credential_lease.hpp>
#include <gatehouse/gateway/credential_rest.hpp>

#include <chrono>

namespace gatehouse::gateway {
namespace {

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
    index_ = pool_->pick(CredentialPool::nowMs());
    held_ |= std::uint64_t{1} << *index_;
  }
  return pool_->credential(*index_).secret;
}

std::string_view CredentialLease::name() const {
  return index_ ? std::string_view(pool_->credential(*index_).name) : std::string_view();
}

bool CredentialLease::observe(const UpstreamResponse& response) {
  if (!index_) {
    return false;
  }
  const int status = response.status();
  if (status != 429 && status != 401 && status != 403) {
    return false; // the common case: no clock, no header lookups
  }
  const std::int64_t restMs = credentialRestMs(status, response.header("retry-after-ms"),
                                               response.header("retry-after"), epochNowMs());
  pool_->rest(*index_, restMs, status, CredentialPool::nowMs());
  return true;
}

void CredentialLease::observeOutcome(int httpStatus) {
  if (!index_ || (httpStatus != 401 && httpStatus != 403)) {
    return;
  }
  // A rest only ever extends, and is logged once, so a refusal observe() already rested
  // is not counted twice.
  const std::int64_t restMs = credentialRestMs(httpStatus, {}, {}, epochNowMs());
  pool_->rest(*index_, restMs, httpStatus, CredentialPool::nowMs());
}

bool CredentialLease::moveToUntried() {
  if (!index_) {
    return false;
  }
  const std::int64_t now = CredentialPool::nowMs();
  const auto available = [&](std::size_t index) {
    return (held_ & (std::uint64_t{1} << index)) == 0 && !pool_->resting(index, now);
  };
  // The pool's own pick keeps the weights; it can only return a held or resting
  // credential when few are left, and then any available one will do.
  std::size_t next = pool_->pick(now);
  for (std::size_t index = 0; !available(next) && index < pool_->size(); ++index) {
    next = index;
  }
  if (!available(next)) {
    return false;
  }
  index_ = next;
  held_ |= std::uint64_t{1} << next;
  return true;
}

std::vector<std::string_view> CredentialLease::earlierSecrets() const {
  std::vector<std::string_view> secrets;
  for (std::size_t index = 0; index < 64 && (held_ >> index) != 0; ++index) {
    if ((held_ & (std::uint64_t{1} << index)) != 0 && index != *index_) {
      secrets.emplace_back(pool_->credential(index).secret);
    }
  }
  return secrets;
}

} // namespace gatehouse::gateway
