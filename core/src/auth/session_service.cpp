#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/session_service.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include "sha256.hpp"

namespace gatehouse::auth {
namespace {

constexpr const char* kComponent = "auth.sessions";
// A session id is 43 characters; anything much longer is not one, and not worth hashing.
constexpr std::size_t kMaxCookieValueLength = 256;
// Enough for every signed-in person of a large organisation on one node; beyond it the
// entries that need a store read anyway go first.
constexpr std::size_t kMaxCachedSessions = 100'000;
constexpr std::int64_t kOutageLogPeriodMs = 60'000;

} // namespace

SessionService::SessionService(store::Store& store, SessionOptions options) : store_(store), options_(options) {}

std::string SessionService::create(const std::string& userId, const std::string& plugin) {
  std::string cookieValue = randomToken();
  store::Session session;
  session.idHash = sha256HexString(cookieValue);
  session.userId = userId;
  session.plugin = plugin;
  session.createdAtMs = store::currentTimeMs();
  session.expiresAtMs = session.createdAtMs + std::chrono::duration_cast<std::chrono::milliseconds>(options_.lifetime).count();
  store_.sessions().create(session);
  return cookieValue;
}

std::optional<Principal> SessionService::find(std::string_view cookieValue) {
  if (cookieValue.empty() || cookieValue.size() > kMaxCookieValueLength)
    return std::nullopt;
  const std::string idHash = sha256HexString(cookieValue);
  const std::int64_t nowMs = store::currentTimeMs();
  std::optional<Principal> stale;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (const auto hit = cache_.find(idHash); hit != cache_.end()) {
      if (nowMs >= hit->second.expiresAtMs) {
        cache_.erase(hit);
        return std::nullopt;
      }
      if (std::chrono::steady_clock::now() - hit->second.checkedAt < options_.cacheTtl)
        return hit->second.principal;
      stale = hit->second.principal;
    }
  }
  try {
    return findInStore(idHash, nowMs);
  } catch (const store::StoreError& error) {
    if (!stale || error.kind() != store::StoreError::Kind::Unavailable)
      throw;
    // Signed-in people keep working through a short outage; logout and disabling hold
    // again as soon as the store answers.
    std::int64_t lastLog = lastOutageLogMs_.load();
    if (nowMs - lastLog >= kOutageLogPeriodMs && lastOutageLogMs_.compare_exchange_strong(lastLog, nowMs))
      log::warn(kComponent, std::string("cannot check sessions, serving cached ones: ") + error.what());
    return stale;
  }
}

std::optional<Principal> SessionService::findInStore(const std::string& idHash, std::int64_t nowMs) {
  const auto session = store_.sessions().find(idHash);
  if (!session || nowMs >= session->expiresAtMs) {
    forgetCached(idHash);
    return std::nullopt;
  }
  const auto user = store_.users().findById(session->userId);
  if (!user || user->disabled) {
    forgetCached(idHash);
    return std::nullopt;
  }
  const auto teams = store_.teams().teamsOf(user->id);
  Principal principal;
  principal.subject = user->id;
  principal.team = teams.empty() ? std::string() : teams.front().teamId;
  principal.role = user->role == store::Role::Admin ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  remember(idHash, principal, session->expiresAtMs);
  return principal;
}

void SessionService::end(std::string_view cookieValue) {
  if (cookieValue.empty() || cookieValue.size() > kMaxCookieValueLength)
    return;
  const std::string idHash = sha256HexString(cookieValue);
  forgetCached(idHash);
  store_.sessions().remove(idHash);
}

void SessionService::endAllFor(const std::string& userId) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::erase_if(cache_, [&](const auto& entry) { return entry.second.principal.subject == userId; });
  }
  store_.sessions().removeForUser(userId);
}

void SessionService::putLogin(std::string_view state, const std::string& plugin, const std::string& flow,
                              const std::string& returnTo) {
  store::LoginFlow login;
  login.stateHash = sha256HexString(state);
  login.plugin = plugin;
  login.flow = flow;
  login.returnTo = returnTo;
  login.expiresAtMs =
      store::currentTimeMs() + std::chrono::duration_cast<std::chrono::milliseconds>(options_.loginTimeout).count();
  store_.sessions().putLoginFlow(login);
}

std::optional<store::LoginFlow> SessionService::takeLogin(std::string_view state) {
  if (state.empty() || state.size() > kMaxCookieValueLength)
    return std::nullopt;
  return store_.sessions().takeLoginFlow(sha256HexString(state), store::currentTimeMs());
}

void SessionService::sweep() {
  const std::size_t removed = store_.sessions().removeExpired(store::currentTimeMs());
  if (removed > 0)
    log::debug(kComponent, "removed " + std::to_string(removed) + " expired sessions and sign-ins");
  std::lock_guard<std::mutex> lock(mutex_);
  pruneCacheLocked(std::chrono::steady_clock::now());
}

void SessionService::remember(const std::string& idHash, const Principal& principal, std::int64_t expiresAtMs) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_.size() >= kMaxCachedSessions && cache_.count(idHash) == 0) {
    pruneCacheLocked(now);
    if (cache_.size() >= kMaxCachedSessions)
      cache_.clear(); // every entry is fresh: a burst of sign-ins; they re-read once
  }
  cache_[idHash] = CachedSession{principal, expiresAtMs, now};
}

void SessionService::forgetCached(const std::string& idHash) {
  std::lock_guard<std::mutex> lock(mutex_);
  cache_.erase(idHash);
}

void SessionService::pruneCacheLocked(std::chrono::steady_clock::time_point now) {
  const std::int64_t nowMs = store::currentTimeMs();
  std::erase_if(cache_, [&](const auto& entry) {
    return nowMs >= entry.second.expiresAtMs || now - entry.second.checkedAt >= options_.cacheTtl;
  });
}

} // namespace gatehouse::auth
