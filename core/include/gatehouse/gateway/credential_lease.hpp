// One exchange's hold on its provider's credential pool: picks a credential the first time
// the plugin asks for it (exchange_credential), and tells the pool what the upstream said
// to the requests sent with it, so a refused credential rests. Not thread-safe: one
// exchange is served by one thread.
#pragma once

#include <gatehouse/gateway/credential_pool.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace gatehouse::gateway {

class CredentialLease {
public:
  // `pool` may be null (the provider has none); it must outlive the lease.
  explicit CredentialLease(CredentialPool* pool) noexcept : pool_(pool) {}

  // The chosen credential's secret, the same on every call; empty without a pool.
  std::string_view secret();
  // The chosen credential's name; empty before secret() was called or without a pool.
  std::string_view name() const;
  // An upstream response to a request sent while this lease was held: a 429, 401 or 403
  // rests the credential (credential_rest.hpp). Nothing happens if no credential was
  // chosen: the plugin then did not use the pool for that request.
  void observe(const UpstreamResponse& response);

private:
  CredentialPool* pool_;
  std::optional<std::size_t> index_;
};

} // namespace gatehouse::gateway
