// An identity as an auth plugin asserted it (gh_identity), copied into core's IdentityClaims.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/host_services.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gatehouse {

// Copies what a plugin filled in, at once (the views die with the plugin's next call).
// Reads only the fields inside view.struct_size; an unknown role becomes GH_ROLE_MEMBER
// (the least privilege); a NULL string pointer reads as empty.
IdentityClaims fromAbi(const gh_identity& view);

// The team names in gh_identity.teams: separated by '\n' (a name may hold spaces), a
// trailing '\r' trimmed, empty names dropped, order kept.
std::vector<std::string> splitTeams(std::string_view teams);

} // namespace gatehouse
