#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/abi_text.hpp>
#include <gatehouse/plugin_host/credential.hpp>
#include <gatehouse/plugin_host/host_api.hpp>
#include <gatehouse/plugin_host/host_identity_calls.hpp>
#include <gatehouse/plugin_host/identity.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace gatehouse {
namespace {

// What the views handed out last on this thread point to. A lookup on another thread never
// disturbs them, and the ABI says they end with the next call of the same kind here.
thread_local CredentialRecord lastCredential;
thread_local Principal lastPrincipal;

gh_status fail(gh_call* call, gh_status status, std::string_view message) noexcept {
  // set_error copies the message and masks remembered secrets; it never throws.
  hostApi().set_error(call, gh_str{message.data(), message.size()});
  return status;
}

// Writes `full` into the plugin's struct, but only the bytes it declared (its struct_size
// stays its own), so a plugin built against an older, smaller struct is never overrun.
template <typename Struct> void copyWithin(const Struct& full, Struct* out) {
  const std::uint32_t declared = out->struct_size;
  std::memcpy(static_cast<void*>(out), &full, std::min<std::size_t>(declared, sizeof(Struct)));
  out->struct_size = declared;
}

std::string tooSmall(std::string_view call, std::string_view what, std::uint32_t declared) {
  return std::string(call) + ": " + std::string(what) + "->struct_size " + std::to_string(declared) +
         " is too small (set it to sizeof)";
}

} // namespace

gh_status hostCredentialFind(gh_host* host, gh_call* call, gh_str secret, gh_credential* out) noexcept {
  if (host == nullptr || out == nullptr || !isWellFormed(secret)) {
    return fail(call, GH_ERROR_INVALID_ARGUMENT, "credential_find: NULL argument");
  }
  try {
    if (out->struct_size < kMinCredentialSize) {
      return fail(call, GH_ERROR_INVALID_ARGUMENT, tooSmall("credential_find", "out", out->struct_size));
    }
    const CredentialDirectory* directory = HostContext::from(host)->services.credentials;
    if (directory == nullptr) {
      return fail(call, GH_ERROR_UNAVAILABLE, "credential_find: this gateway has no key directory");
    }
    CredentialRecord found;
    switch (directory->find(viewOf(secret), found)) {
    case CredentialDirectory::Lookup::Found:
      lastCredential = std::move(found);
      copyWithin(toAbi(lastCredential), out);
      return GH_OK;
    case CredentialDirectory::Lookup::NotFound:
      return fail(call, GH_ERROR_NOT_FOUND, "credential_find: no API key matches");
    case CredentialDirectory::Lookup::NotLoaded:
      return fail(call, GH_ERROR_UNAVAILABLE, "credential_find: the key directory has not loaded yet");
    }
    return fail(call, GH_ERROR_INTERNAL, "credential_find: the key directory gave no answer");
  } catch (...) {
    // Never what(): the directory's internals are no business of the plugin or its client.
    return fail(call, GH_ERROR_UNAVAILABLE, "credential_find: the key directory is unavailable");
  }
}

gh_status hostIdentityResolve(gh_host* host, gh_call* call, const gh_identity* identity,
                              gh_principal* outPrincipal) noexcept {
  if (host == nullptr || identity == nullptr || outPrincipal == nullptr) {
    return fail(call, GH_ERROR_INVALID_ARGUMENT, "identity_resolve: NULL argument");
  }
  try {
    if (identity->struct_size < kMinIdentitySize) {
      return fail(call, GH_ERROR_INVALID_ARGUMENT,
                  tooSmall("identity_resolve", "identity", identity->struct_size));
    }
    if (outPrincipal->struct_size < kMinResolvedPrincipalSize) {
      return fail(call, GH_ERROR_INVALID_ARGUMENT,
                  tooSmall("identity_resolve", "out_principal", outPrincipal->struct_size));
    }
    IdentityResolver* resolver = HostContext::from(host)->services.identities;
    if (resolver == nullptr) {
      return fail(call, GH_ERROR_UNAVAILABLE, "identity_resolve: this gateway has no user directory");
    }
    Principal resolved = resolver->resolve(fromAbi(*identity));
    lastPrincipal = std::move(resolved);
    copyWithin(toAbi(lastPrincipal), outPrincipal);
    return GH_OK;
  } catch (const IdentityError& error) {
    // Its message is written for the user (e.g. "this account is disabled").
    const gh_status status =
        error.status() != GH_OK && isKnownStatus(error.status()) ? error.status() : GH_ERROR_INTERNAL;
    return fail(call, status, error.what());
  } catch (...) {
    return fail(call, GH_ERROR_UNAVAILABLE, "identity_resolve: the user directory is unavailable");
  }
}

} // namespace gatehouse
