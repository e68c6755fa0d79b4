// One exchange's hold on its provider's credential pool: picks a credential the first time
// the plugin asks for it (exchange_credential), tells the pool what the upstream said to
// the requests sent with it, so a refused credential rests, and moves the exchange to
// another credential after a refusal (credential_failover.hpp resends the request). Not
// thread-safe: one exchange is served by one thread.
#pragma once

#include <gatehouse/gateway/credential_pool.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

class CredentialLease {
public:
  // `pool` may be null (the provider has none); it must outlive the lease.
  explicit CredentialLease(CredentialPool* pool) noexcept : pool_(pool) {}

  // The current credential's secret: the same on every call until moveToUntried()
  // succeeds; empty without a pool.
  std::string_view secret();
  // The current credential's name; empty before secret() was called or without a pool.
  std::string_view name() const;
  // An upstream response to a request sent while this lease was held: a 429, 401 or 403
  // rests the current credential (credential_rest.hpp) and returns true. Nothing happens
  // (false) for any other status, or if no credential was chosen: the plugin then did not
  // use the pool for that request.
  bool observe(const UpstreamResponse& response);
  // The status the exchange ended with. A 401 or 403 from a provider means the upstream
  // refused the credential even where its own status did not say so (Gemini answers an
  // invalid key with 400, which its plugin reports as 401): rests the current credential
  // like an upstream 401. Does nothing for other statuses or when none was chosen.
  void observeOutcome(int httpStatus);
  // After a refusal: makes a credential of the pool that this lease has not held and that
  // is not resting the current one. False, and nothing changes, when there is none.
  bool moveToUntried();
  // The secrets of the credentials this lease held before the current one, in pool order;
  // empty unless moveToUntried() succeeded.
  std::vector<std::string_view> earlierSecrets() const;
  bool moved() const noexcept { return held_ != 0 && (held_ & (held_ - 1)) != 0; }

private:
  CredentialPool* pool_;
  std::optional<std::size_t> index_;
  std::uint64_t held_ = 0; // one bit per pool index this lease has held (the pool has at most 64)
};

} // namespace gatehouse::gateway
