// Maps identities asserted by an identity provider to users in the store (ABI 1.2
// identity_resolve, and the end of every browser sign-in). A user is keyed by
// "<issuer>|<subject>" (users.external_subject), created on first sight, and updated when
// role, email or name changed; the teams named in the claims are created when missing and
// the user is added to them (memberships are only added, never removed: an administrator
// removes them). Results are cached per identity for `cacheTtl`, keyed by everything in
// the claims, so a known, unchanged identity costs no store call on the request path.
#pragma once

#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/store/store.hpp>

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gatehouse::auth {

struct IdentityDirectoryOptions {
  std::chrono::milliseconds cacheTtl{60'000};
  std::size_t maxCachedIdentities = 100'000; // the oldest entries go first beyond this
};

class IdentityDirectory final : public IdentityResolver {
public:
  IdentityDirectory(store::Store& store, IdentityDirectoryOptions options);
  // Throws IdentityError: PERMISSION_DENIED for a disabled user, INVALID_ARGUMENT for an
  // empty issuer or subject, UNAVAILABLE when the store fails (logged, not sent).
  Principal resolve(const IdentityClaims& claims) override;
  // Drops cached entries of this user (after an administrator changed or disabled them).
  void forget(const std::string& userId);

private:
  struct CachedIdentity {
    std::string key; // every claim field, see cacheKey()
    std::string userId;
    Principal principal;
    std::chrono::steady_clock::time_point resolvedAt;
  };
  using CacheList = std::list<CachedIdentity>; // oldest first

  Principal resolveInStore(const IdentityClaims& claims);
  store::User findOrCreateUser(const IdentityClaims& claims, const std::string& externalSubject);
  std::string teamIdFor(const std::string& name);
  void remember(std::string key, const Principal& principal);

  store::Store& store_;
  const IdentityDirectoryOptions options_;

  std::mutex mutex_; // guards the cache; never held during a store call
  CacheList cache_;
  std::unordered_map<std::string, CacheList::iterator> cacheIndex_;
};

} // namespace gatehouse::auth
