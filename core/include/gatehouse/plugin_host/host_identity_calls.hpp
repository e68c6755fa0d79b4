// The ABI 1.2 host calls for auth plugins, over the HostServices in the plugin's
// HostContext: credential_find (the key directory) and identity_resolve (users from an
// identity provider's claims). Slots of hostApi(); declared here so its table can name them.
// Both tolerate NULL and malformed arguments and never let an exception reach the plugin.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstddef>

namespace gatehouse {

// The least a plugin's struct_size may declare: up to the field the call is for.
inline constexpr std::size_t kMinCredentialSize = offsetof(gh_credential, key_id) + sizeof(gh_str);
inline constexpr std::size_t kMinIdentitySize = offsetof(gh_identity, subject) + sizeof(gh_str);
inline constexpr std::size_t kMinResolvedPrincipalSize = offsetof(gh_principal, subject) + sizeof(gh_str);

// gh_host_api.credential_find. Fills only the fields inside out->struct_size; the views
// live in thread-local storage until the next credential_find on the thread.
gh_status hostCredentialFind(gh_host* host, gh_call* call, gh_str secret, gh_credential* out) noexcept;

// gh_host_api.identity_resolve. An IdentityError becomes its status and message; any other
// failure GH_ERROR_UNAVAILABLE with a generic message. *outPrincipal is filled like a
// credential (fields inside its struct_size, thread-local views).
gh_status hostIdentityResolve(gh_host* host, gh_call* call, const gh_identity* identity,
                              gh_principal* outPrincipal) noexcept;

} // namespace gatehouse
