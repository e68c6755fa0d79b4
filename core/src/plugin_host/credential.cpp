#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/credential.hpp>

namespace gatehouse {

gh_credential toAbi(const CredentialRecord& record) {
  gh_credential view{};
  view.struct_size = sizeof(gh_credential);
  view.role = record.role;
  view.key_id = strOf(record.keyId);
  view.owner = strOf(record.owner);
  view.team = strOf(record.team);
  view.name = strOf(record.name);
  view.scopes = strOf(record.scopes);
  view.expires_at_ms = record.expiresAtMs;
  view.revoked_at_ms = record.revokedAtMs;
  view.requests_per_minute = record.requestsPerMinute;
  view.tokens_per_minute = record.tokensPerMinute;
  view.monthly_budget_micro_usd = record.monthlyBudgetMicroUsd;
  view.owner_disabled = record.ownerDisabled ? 1 : 0;
  view.disabled = record.disabled ? 1 : 0;
  return view;
}

} // namespace gatehouse
