// A key directory entry as credential_find hands it to a plugin (gh_credential).
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/host_services.hpp>

namespace gatehouse {

// The full ABI view of `record`, borrowing its strings: keep `record` alive and unchanged
// while the view is in use.
gh_credential toAbi(const CredentialRecord& record);

} // namespace gatehouse
