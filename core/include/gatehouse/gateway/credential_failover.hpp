// In-request failover between a provider's pooled credentials. When the upstream refuses
// the credential an exchange holds (429, 401, 403), the gateway sends the same request
// again with another credential of the pool that is not resting, until one is accepted or
// every credential was tried, so one rate-limited or revoked key does not fail requests
// while the others have room. The plugin sees only the last response.
//
// The plugin put the key into its request (a header, or the URL); the gateway handed it
// out, so it can find it there and put the next one in its place. A request that does not
// carry the refused key verbatim (a signed request, say) is not sent again.
#pragma once

#include <gatehouse/gateway/credential_lease.hpp>
#include <gatehouse/gateway/provider.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

// A copy of an upstream request with credentials replaced; `request`'s views point into
// the copy's own strings or into the original's.
struct RewrittenRequest {
  UpstreamRequest request;
  std::string url;
  std::vector<std::string> headerValues;
};

// Copies `original` into `out`, replacing every occurrence of one of `earlier` in its URL and
// header values by `current`. Returns false, leaving `out` unspecified, when none occurs.
bool replaceCredential(const UpstreamRequest& original, const std::vector<std::string_view>& earlier,
                       std::string_view current, RewrittenRequest& out);

// sendUpstreamThrough with the failover above. Without a pool, or when the plugin did not
// ask for the credential, it is exactly one send.
gh_status sendWithCredentialFailover(const Provider& provider, CredentialLease& lease,
                                     const UpstreamRequest& request,
                                     std::unique_ptr<UpstreamResponse>& response, UpstreamFailure& failure);

} // namespace gatehouse::gateway
