// What the host offers auth plugins beyond the request itself (ABI 1.2): the key
// directory behind credential_find and the identity resolver behind identity_resolve.
// plugin_host only knows these interfaces; core/auth implements them over the store, and
// tests implement them in memory.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/principal.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse {

// An API key as the directory holds it (the owning counterpart of gh_credential).
struct CredentialRecord {
  std::string keyId;
  std::string owner; // user id
  std::string team;  // team id or empty
  std::string name;  // application name
  std::string scopes; // space-separated
  gh_role role = GH_ROLE_MEMBER;
  std::int64_t expiresAtMs = 0; // 0: never
  std::int64_t revokedAtMs = 0; // 0: not revoked
  std::int64_t requestsPerMinute = 0; // 0: no limit (same for the next two)
  std::int64_t tokensPerMinute = 0;
  std::int64_t monthlyBudgetMicroUsd = 0;
  bool disabled = false;      // the key is switched off (can be switched on again)
  bool ownerDisabled = false; // the owning user is disabled
};

class CredentialDirectory {
public:
  enum class Lookup { Found, NotFound, NotLoaded };
  virtual ~CredentialDirectory() = default;
  // Hashes `secret`, finds the key and compares hashes in constant time. Never blocks on
  // the database, never logs the secret. Thread-safe.
  virtual Lookup find(std::string_view secret, CredentialRecord& out) const = 0;
};

// A person or service as an identity provider asserted it (owning gh_identity).
struct IdentityClaims {
  gh_role role = GH_ROLE_MEMBER;
  std::string issuer;
  std::string subject;
  std::string email;
  std::string name;
  std::vector<std::string> teams; // the first is the principal's team
  bool isService = false;
};

// Why an identity could not be resolved; `status` is GH_ERROR_PERMISSION_DENIED (the user
// is disabled), GH_ERROR_INVALID_ARGUMENT (e.g. empty subject) or GH_ERROR_UNAVAILABLE
// (the store is down). The message may reach the client: no internals.
class IdentityError : public std::runtime_error {
public:
  IdentityError(gh_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  gh_status status() const noexcept { return status_; }

private:
  gh_status status_;
};

class IdentityResolver {
public:
  virtual ~IdentityResolver() = default;
  // The principal of the user behind `claims` (subject = user id, team = first team's id,
  // role from the claims), creating or updating the user and teams as needed. Cached: a
  // known, unchanged identity costs no store call. Throws IdentityError. Thread-safe.
  virtual Principal resolve(const IdentityClaims& claims) = 0;
};

// Makes the UpstreamClient behind one plugin's http_send from plugins[].upstream; `label`
// names the plugin in the client's logs and errors. May throw std::runtime_error for a config
// it cannot use. The app passes makeUpstreamClient (core/upstream); plugin_host itself does not
// depend on the upstream library, which depends on it.
using HttpClientFactory = std::function<std::shared_ptr<UpstreamClient>(const UpstreamConfig&, std::string label)>;

// Handed to PluginHost::load; each may be null/empty (the matching host calls then answer
// GH_ERROR_UNAVAILABLE). Must outlive the PluginHost.
struct HostServices {
  const CredentialDirectory* credentials = nullptr;
  IdentityResolver* identities = nullptr;
  HttpClientFactory httpClients;
};

} // namespace gatehouse
