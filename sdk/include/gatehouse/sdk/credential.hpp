// An API key as the host's key directory holds it (ABI 1.2 credential_find), never the
// secret itself. Host::findCredential returns one; the auth plugin decides what a
// revoked, expired or disabled key means (usableAt is the usual answer).
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <cstdint>
#include <string>

namespace gatehouse::sdk {

struct Credential {
  std::string keyId;  // safe to log and to put in a principal
  std::string owner;  // the owning user's id
  std::string team;   // the team's id, or empty
  std::string name;   // the application name given at creation
  std::string scopes; // space-separated, e.g. "model:gpt-4o* endpoint:chat"
  gh_role role = GH_ROLE_MEMBER;
  std::int64_t expiresAtMs = 0;       // unix epoch ms; 0: never
  std::int64_t revokedAtMs = 0;       // unix epoch ms; 0: not revoked
  std::int64_t requestsPerMinute = 0; // 0: no limit (the same for the next two)
  std::int64_t tokensPerMinute = 0;
  std::int64_t monthlyBudgetMicroUsd = 0;
  bool disabled = false;      // switched off (can be switched on again)
  bool ownerDisabled = false; // the owning user is disabled

  bool revoked() const noexcept { return revokedAtMs != 0; }
  // Expiry is exclusive: a key that expires at T is refused from T on.
  bool expiredAt(std::int64_t nowMs) const noexcept { return expiresAtMs != 0 && nowMs >= expiresAtMs; }
  // Neither revoked, expired, disabled, nor owned by a disabled user.
  bool usableAt(std::int64_t nowMs) const noexcept {
    return !revoked() && !expiredAt(nowMs) && !disabled && !ownerDisabled;
  }
};

namespace detail {

// Copies what credential_find wrote; the views in `raw` die with the next lookup.
inline Credential credentialFrom(const gh_credential& raw) {
  Credential credential;
  credential.keyId = std::string(view(raw.key_id));
  credential.owner = std::string(view(raw.owner));
  credential.team = std::string(view(raw.team));
  credential.name = std::string(view(raw.name));
  credential.scopes = std::string(view(raw.scopes));
  credential.role = raw.role;
  credential.expiresAtMs = raw.expires_at_ms;
  credential.revokedAtMs = raw.revoked_at_ms;
  credential.requestsPerMinute = raw.requests_per_minute;
  credential.tokensPerMinute = raw.tokens_per_minute;
  credential.monthlyBudgetMicroUsd = raw.monthly_budget_micro_usd;
  credential.disabled = raw.disabled != 0;
  credential.ownerDisabled = raw.owner_disabled != 0;
  return credential;
}

// The ABI view of `credential`, borrowing its strings (what a host fills in).
inline gh_credential credentialView(const Credential& credential) noexcept {
  gh_credential out{};
  out.struct_size = sizeof(gh_credential);
  out.role = credential.role;
  out.key_id = ghStr(credential.keyId);
  out.owner = ghStr(credential.owner);
  out.team = ghStr(credential.team);
  out.name = ghStr(credential.name);
  out.scopes = ghStr(credential.scopes);
  out.expires_at_ms = credential.expiresAtMs;
  out.revoked_at_ms = credential.revokedAtMs;
  out.requests_per_minute = credential.requestsPerMinute;
  out.tokens_per_minute = credential.tokensPerMinute;
  out.monthly_budget_micro_usd = credential.monthlyBudgetMicroUsd;
  out.owner_disabled = credential.ownerDisabled ? 1 : 0;
  out.disabled = credential.disabled ? 1 : 0;
  return out;
}

} // namespace detail
} // namespace gatehouse::sdk
