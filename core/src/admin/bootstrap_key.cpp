#include <gatehouse/admin/bootstrap_key.hpp>
#include <gatehouse/admin/key_request.hpp>
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/store/store_clock.hpp>

#include "key_audit.hpp"
#include "resource_json.hpp"

namespace gatehouse::admin {
namespace {

constexpr const char* kActor = "cli";
constexpr int kUserPage = 500;

void requireUsableName(const std::string& name) {
  if (name.empty() || name.size() > kMaxKeyNameLength)
    throw BootstrapError("--name must be 1 to " + std::to_string(kMaxKeyNameLength) + " bytes long");
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F)
      throw BootstrapError("--name must not contain control characters");
  }
}

// Users are found by id or identity-provider subject only, so a local user is found by
// walking the list (an operator's command, not a request path).
std::optional<store::User> findLocalUser(store::Store& store, const std::string& email) {
  std::string after;
  while (true) {
    const std::vector<store::User> page = store.users().list(after, kUserPage);
    for (const store::User& user : page) {
      if (user.externalSubject.empty() && user.email == email)
        return user;
    }
    if (page.size() < static_cast<std::size_t>(kUserPage))
      return std::nullopt;
    after = page.back().id;
  }
}

void auditKey(store::Store& store, const char* action, const store::ApiKey& key) {
  store.audit().append(store::NewAuditEntry{kActor, action, "api_key", key.id, keyAuditDetail(key)});
}

} // namespace

BootstrapKey createBootstrapKey(store::Store& store, const std::string& name, const std::string& email) {
  requireUsableName(name);
  if (email.empty() || email.find('@') == std::string::npos)
    throw BootstrapError("--email must look like name@domain");
  BootstrapKey result;
  if (std::optional<store::User> existing = findLocalUser(store, email)) {
    if (existing->disabled)
      throw BootstrapError("the user " + email +
                           " is disabled; enable them through the admin API or give another --email");
    if (existing->role != store::Role::Admin)
      throw BootstrapError("the user " + email + " is not an administrator; give another --email");
    result.owner = std::move(*existing);
  } else {
    store::NewUser user;
    user.email = email;
    user.displayName = "Administrator";
    user.role = store::Role::Admin;
    result.owner = store.users().create(user);
    result.ownerCreated = true;
    store.audit().append(
        store::NewAuditEntry{kActor, "user.create", "user", result.owner.id, "{\"role\":\"admin\"}"});
  }

  const auth::GeneratedApiKey generated = auth::generateApiKey();
  store::NewApiKey fresh;
  fresh.keyHash = generated.hash;
  fresh.prefix = generated.displayPrefix;
  fresh.ownerUserId = result.owner.id;
  fresh.name = name;
  fresh.role = store::Role::Admin;
  result.key = store.apiKeys().insert(fresh);
  result.secret = generated.secret;
  auditKey(store, "api_key.create", result.key);
  return result;
}

bool storeHasKeys(store::Store& store) {
  return !store.apiKeys().list("", 1).empty();
}

bool revokeKeyFromCli(store::Store& store, const std::string& id) {
  const std::optional<store::ApiKey> key = store.apiKeys().findById(id);
  if (!key)
    throw BootstrapError("no API key with id '" + id + "'");
  if (key->revokedAtMs)
    return false;
  store.apiKeys().revoke(id, store::currentTimeMs());
  auditKey(store, "api_key.revoke", *key);
  return true;
}

} // namespace gatehouse::admin
