// Browser sessions behind the dashboard's cookie, and pending sign-ins.
//
// A session id is 32 random bytes (base64url) sent only in an HttpOnly, SameSite=Lax
// cookie (Secure when auth.public_url is https); the store keeps its SHA-256. Lookups are
// cached for at most `cacheTtl` so a page full of API calls costs one store read; logout
// on this node holds at once, on other nodes within cacheTtl (default 5 s). A session of
// a user an administrator disabled stops working the same way.
#pragma once

#include <gatehouse/plugin_host/principal.hpp>
#include <gatehouse/store/store.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gatehouse::auth {

struct SessionOptions {
  std::chrono::seconds lifetime{8 * 3600};
  std::chrono::milliseconds cacheTtl{5000};
  std::chrono::seconds loginTimeout{600}; // how long a started sign-in may take
};

struct StartedLogin {
  std::string state;  // the random value for the identity provider and the binding cookie
};

class SessionService {
public:
  SessionService(store::Store& store, SessionOptions options);

  // A new session for `userId`; returns the cookie value (the only copy of the id).
  // Throws StoreError.
  std::string create(const std::string& userId, const std::string& plugin);
  // The principal of a live session (subject = user id, team = the user's first team,
  // role = the user's role), or nullopt when the cookie value is unknown, expired, or its
  // user is disabled or gone. Throws StoreError only when the store is down and nothing
  // is cached.
  std::optional<Principal> find(std::string_view cookieValue);
  // Ends the session (idempotent). Throws StoreError.
  void end(std::string_view cookieValue);
  // Ends every session of a user. Throws StoreError.
  void endAllFor(const std::string& userId);

  // Pending sign-ins: `state` is the plugin-facing random value (randomToken()).
  void putLogin(std::string_view state, const std::string& plugin, const std::string& flow,
                const std::string& returnTo);
  std::optional<store::LoginFlow> takeLogin(std::string_view state);

  // Deletes expired sessions and sign-ins (called now and then by a background timer).
  void sweep();

  std::chrono::seconds lifetime() const { return options_.lifetime; }

private:
  struct CachedSession {
    Principal principal;
    std::int64_t expiresAtMs = 0; // the session's own end, checked on every hit
    std::chrono::steady_clock::time_point checkedAt; // when the store last confirmed it
  };

  std::optional<Principal> findInStore(const std::string& idHash, std::int64_t nowMs);
  void remember(const std::string& idHash, const Principal& principal, std::int64_t expiresAtMs);
  void forgetCached(const std::string& idHash);
  void pruneCacheLocked(std::chrono::steady_clock::time_point now);

  store::Store& store_;
  SessionOptions options_;

  std::mutex mutex_; // guards cache_; never held during a store call
  std::unordered_map<std::string, CachedSession> cache_; // keyed by the id's hash
  std::atomic<std::int64_t> lastOutageLogMs_{0};
};

} // namespace gatehouse::auth
