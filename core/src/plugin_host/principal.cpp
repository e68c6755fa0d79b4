#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <cstddef>

namespace gatehouse {
namespace {

// True when the plugin's struct reaches the whole of the field at `offset`.
bool covers(const gh_principal& view, std::size_t offset, std::size_t size) {
  return view.struct_size >= offset + size;
}

std::string fieldOf(const gh_principal& view, std::size_t offset, const gh_str& field) {
  return covers(view, offset, sizeof(gh_str)) ? std::string(viewOf(field)) : std::string();
}

// A limit a 1.0/1.1 plugin does not know is absent (0: no limit); a negative one is
// nonsense and must not turn into a limit that refuses everything.
std::int64_t limitOf(const gh_principal& view, std::size_t offset, std::int64_t field) {
  return covers(view, offset, sizeof(std::int64_t)) && field > 0 ? field : 0;
}

} // namespace

gh_principal toAbi(const Principal& principal) {
  gh_principal view{};
  view.struct_size = sizeof(gh_principal);
  view.role = principal.role;
  view.subject = strOf(principal.subject);
  view.team = strOf(principal.team);
  view.app = strOf(principal.app);
  view.key_id = strOf(principal.keyId);
  view.scopes = strOf(principal.scopes);
  view.requests_per_minute = principal.requestsPerMinute;
  view.tokens_per_minute = principal.tokensPerMinute;
  view.monthly_budget_micro_usd = principal.monthlyBudgetMicroUsd;
  return view;
}

Principal fromAbi(const gh_principal& view) {
  Principal principal;
  const bool hasRole = covers(view, offsetof(gh_principal, role), sizeof(gh_role));
  principal.role = hasRole && view.role == GH_ROLE_ADMIN ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  principal.subject = fieldOf(view, offsetof(gh_principal, subject), view.subject);
  principal.team = fieldOf(view, offsetof(gh_principal, team), view.team);
  principal.app = fieldOf(view, offsetof(gh_principal, app), view.app);
  principal.keyId = fieldOf(view, offsetof(gh_principal, key_id), view.key_id);
  principal.scopes = fieldOf(view, offsetof(gh_principal, scopes), view.scopes);
  principal.requestsPerMinute =
      limitOf(view, offsetof(gh_principal, requests_per_minute), view.requests_per_minute);
  principal.tokensPerMinute =
      limitOf(view, offsetof(gh_principal, tokens_per_minute), view.tokens_per_minute);
  principal.monthlyBudgetMicroUsd =
      limitOf(view, offsetof(gh_principal, monthly_budget_micro_usd), view.monthly_budget_micro_usd);
  return principal;
}

} // namespace gatehouse
