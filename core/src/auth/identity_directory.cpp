#include <gatehouse/auth/identity_directory.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/store/store_error.hpp>
#include <gatehouse/store/utf8_text.hpp>

#include <algorithm>

namespace gatehouse::auth {
namespace {

constexpr const char* kComponent = "auth.identities";
// users.external_subject, users.email, users.display_name and teams.name are VARCHAR(255).
constexpr std::size_t kMaxColumnCharacters = 255;

store::Role storeRole(gh_role role) {
  return role == GH_ROLE_ADMIN ? store::Role::Admin : store::Role::Member;
}

void appendField(std::string& key, std::string_view field) {
  // Length-prefixed, so no two different claim sets give the same key.
  key += std::to_string(field.size());
  key += ':';
  key += field;
}

// Everything in the claims: any change (a new group, a new e-mail) misses the cache and is
// written to the store.
std::string cacheKey(const IdentityClaims& claims) {
  std::string key;
  key += std::to_string(static_cast<int>(claims.role));
  key += claims.isService ? 'S' : 'P';
  appendField(key, claims.issuer);
  appendField(key, claims.subject);
  appendField(key, claims.email);
  appendField(key, claims.name);
  for (const std::string& team : claims.teams)
    appendField(key, team);
  return key;
}

bool fitsColumn(const std::string& text) {
  return store::boundedUtf8(text, kMaxColumnCharacters) == text;
}

} // namespace

IdentityDirectory::IdentityDirectory(store::Store& store, IdentityDirectoryOptions options)
    : store_(store), options_(options) {}

Principal IdentityDirectory::resolve(const IdentityClaims& claims) {
  if (claims.issuer.empty() || claims.subject.empty())
    throw IdentityError(GH_ERROR_INVALID_ARGUMENT, "The identity has no issuer or subject.");
  std::string key = cacheKey(claims);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (const auto hit = cacheIndex_.find(key); hit != cacheIndex_.end()) {
      if (std::chrono::steady_clock::now() - hit->second->resolvedAt < options_.cacheTtl)
        return hit->second->principal;
    }
  }
  Principal principal;
  try {
    principal = resolveInStore(claims);
  } catch (const store::StoreError& error) {
    // Store messages name tables, never values; the client only learns to retry.
    log::error(kComponent, std::string("cannot resolve an identity: ") + error.what());
    throw IdentityError(GH_ERROR_UNAVAILABLE, "The user directory is unavailable; try again later.");
  }
  remember(std::move(key), principal);
  return principal;
}

Principal IdentityDirectory::resolveInStore(const IdentityClaims& claims) {
  const std::string externalSubject = claims.issuer + "|" + claims.subject;
  if (!fitsColumn(externalSubject))
    throw IdentityError(GH_ERROR_INVALID_ARGUMENT, "The identity's issuer and subject are too long.");
  std::vector<std::string> teamNames;
  for (const std::string& name : claims.teams) {
    if (name.empty() || std::find(teamNames.begin(), teamNames.end(), name) != teamNames.end())
      continue;
    if (!fitsColumn(name))
      throw IdentityError(GH_ERROR_INVALID_ARGUMENT, "A team name in the identity is too long.");
    teamNames.push_back(name);
  }

  const store::User user = findOrCreateUser(claims, externalSubject);
  if (user.disabled)
    throw IdentityError(GH_ERROR_PERMISSION_DENIED, "This account is disabled.");

  // Memberships are only added: an existing one keeps the role an administrator gave it.
  const std::vector<store::TeamMember> memberships = store_.teams().teamsOf(user.id);
  std::vector<std::string> teamIds;
  for (const std::string& name : teamNames) {
    const std::string teamId = teamIdFor(name);
    const bool member = std::any_of(memberships.begin(), memberships.end(),
                                    [&](const store::TeamMember& membership) { return membership.teamId == teamId; });
    if (!member)
      store_.teams().putMember(teamId, user.id, store::Role::Member);
    teamIds.push_back(teamId);
  }

  Principal principal;
  principal.subject = user.id;
  // Claims without teams: the user's own first team, as for a browser session.
  if (!teamIds.empty())
    principal.team = teamIds.front();
  else if (!memberships.empty())
    principal.team = memberships.front().teamId;
  principal.role = claims.role == GH_ROLE_ADMIN ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  return principal;
}

store::User IdentityDirectory::findOrCreateUser(const IdentityClaims& claims, const std::string& externalSubject) {
  const std::string email = store::boundedUtf8(claims.email, kMaxColumnCharacters);
  const std::string name = store::boundedUtf8(claims.name, kMaxColumnCharacters);
  const store::Role role = storeRole(claims.role);

  std::optional<store::User> user = store_.users().findBySubject(externalSubject);
  if (!user) {
    store::NewUser newUser;
    newUser.externalSubject = externalSubject;
    newUser.email = email;
    newUser.displayName = !name.empty() ? name : !email.empty() ? email : store::boundedUtf8(claims.subject, kMaxColumnCharacters);
    newUser.role = role;
    try {
      user = store_.users().create(newUser);
      log::info(kComponent, "created user " + user->id + " on first sign-in");
      return *user;
    } catch (const store::StoreError& error) {
      if (error.kind() != store::StoreError::Kind::Conflict)
        throw;
      // Another node (or thread) created this identity a moment ago.
      user = store_.users().findBySubject(externalSubject);
      if (!user)
        throw;
    }
  }
  // The identity provider is the source of truth for role, e-mail and name; a claim it did
  // not send leaves the stored value alone.
  store::User updated = *user;
  updated.role = role;
  if (!email.empty())
    updated.email = email;
  if (!name.empty())
    updated.displayName = name;
  if (updated.role != user->role || updated.email != user->email || updated.displayName != user->displayName) {
    if (!store_.users().update(updated))
      throw store::StoreError(store::StoreError::Kind::Internal, "a user vanished while being updated");
    if (updated.role != user->role)
      log::info(kComponent, "user " + user->id + " is now " + (role == store::Role::Admin ? "admin" : "member") +
                                " per the identity provider's claims");
  }
  return updated;
}

std::string IdentityDirectory::teamIdFor(const std::string& name) {
  if (auto team = store_.teams().findByName(name))
    return team->id;
  try {
    return store_.teams().create(store::NewTeam{name, std::nullopt}).id;
  } catch (const store::StoreError& error) {
    if (error.kind() != store::StoreError::Kind::Conflict)
      throw;
    // Another node created the team between our read and our write.
    if (auto team = store_.teams().findByName(name))
      return team->id;
    throw;
  }
}

void IdentityDirectory::remember(std::string key, const Principal& principal) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (const auto old = cacheIndex_.find(key); old != cacheIndex_.end()) {
    cache_.erase(old->second);
    cacheIndex_.erase(old);
  }
  cache_.push_back(CachedIdentity{key, principal.subject, principal, std::chrono::steady_clock::now()});
  cacheIndex_.emplace(std::move(key), std::prev(cache_.end()));
  while (cache_.size() > std::max<std::size_t>(options_.maxCachedIdentities, 1)) {
    cacheIndex_.erase(cache_.front().key);
    cache_.pop_front();
  }
}

void IdentityDirectory::forget(const std::string& userId) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = cache_.begin(); it != cache_.end();) {
    if (it->userId == userId) {
      cacheIndex_.erase(it->key);
      it = cache_.erase(it);
    } else {
      ++it;
    }
  }
}

} // namespace gatehouse::auth
