// The principal an accepted API key stands for.
#pragma once

#include <gatehouse/sdk/credential.hpp>
#include <gatehouse/sdk/principal.hpp>

namespace gatehouse::plugins::api_key {

// subject = the owner, team, app = the key's name, key id, role, scopes and the three
// limits. A role other than admin is member (the least privilege); a negative limit is
// no limit, as the host reads it.
sdk::Principal principalOf(const sdk::Credential& key);

} // namespace gatehouse::plugins::api_key
