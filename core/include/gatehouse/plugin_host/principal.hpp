// Who is calling, as core keeps it (the owning counterpart of gh_principal).
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstdint>
#include <string>

namespace gatehouse {

struct Principal {
  std::string subject; // stable user id, e.g. "user:42"
  std::string team;
  std::string app;
  std::string keyId;  // credential id, never the credential
  std::string scopes; // space-separated
  gh_role role = GH_ROLE_MEMBER;
  // Since ABI 1.2; 0: no limit.
  std::int64_t requestsPerMinute = 0;
  std::int64_t tokensPerMinute = 0;
  std::int64_t monthlyBudgetMicroUsd = 0;
};

// The ABI view of `principal`, borrowing its strings: keep `principal` alive and
// unchanged while the view is in use.
gh_principal toAbi(const Principal& principal);

// Copies what a plugin filled in. Reads only the fields inside view.struct_size, so an
// older plugin's smaller struct works; an unknown role becomes GH_ROLE_MEMBER (the
// least privilege), and a NULL string pointer reads as empty.
Principal fromAbi(const gh_principal& view);

} // namespace gatehouse
