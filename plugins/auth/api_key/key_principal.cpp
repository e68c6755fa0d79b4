#include "key_principal.hpp"

#include <cstdint>

namespace gatehouse::plugins::api_key {
namespace {

std::int64_t limit(std::int64_t value) {
  return value > 0 ? value : 0;
}

} // namespace

sdk::Principal principalOf(const sdk::Credential& key) {
  sdk::Principal principal;
  principal.role = key.role == GH_ROLE_ADMIN ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  principal.subject = key.owner;
  principal.team = key.team;
  principal.app = key.name;
  principal.keyId = key.keyId;
  principal.scopes = key.scopes;
  principal.requestsPerMinute = limit(key.requestsPerMinute);
  principal.tokensPerMinute = limit(key.tokensPerMinute);
  principal.monthlyBudgetMicroUsd = limit(key.monthlyBudgetMicroUsd);
  return principal;
}

} // namespace gatehouse::plugins::api_key
