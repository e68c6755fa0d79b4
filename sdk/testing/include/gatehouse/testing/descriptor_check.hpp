// The handshake checks the gateway makes before running any plugin code, so a plugin's
// unit test fails on a descriptor the gateway would refuse.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstddef>
#include <cstdio>
#include <string>

namespace gatehouse::testing {

// gh_auth_vtable as ABI 1.0 defined it (authenticate only) and as 1.2 grew it (browser
// sign-in): an older auth plugin's smaller table is still valid.
inline constexpr std::size_t kAuthVtableSize10 = offsetof(gh_auth_vtable, login_start);
inline constexpr std::size_t kAuthVtableSize12 =
    offsetof(gh_auth_vtable, login_finish) + sizeof(gh_auth_vtable::login_finish);

// Empty when the descriptor is acceptable, otherwise why it is not.
inline std::string descriptorProblem(const gh_plugin_descriptor* descriptor) {
  if (descriptor == nullptr) {
    return "entry point returned NULL";
  }
  if (descriptor->magic != GH_PLUGIN_MAGIC) {
    char hex[32];
    std::snprintf(hex, sizeof hex, "0x%016llx", static_cast<unsigned long long>(descriptor->magic));
    return std::string("bad magic ") + hex + " (not a Gatehouse plugin)";
  }
  const std::string host = std::to_string(GH_ABI_VERSION_MAJOR) + "." + std::to_string(GH_ABI_VERSION_MINOR);
  const std::string built =
      std::to_string(descriptor->abi_major) + "." + std::to_string(descriptor->abi_minor);
  if (descriptor->abi_major != GH_ABI_VERSION_MAJOR) {
    return "ABI major " + std::to_string(descriptor->abi_major) + " is not supported (host speaks " + host +
           ")";
  }
  if (descriptor->abi_minor > GH_ABI_VERSION_MINOR) {
    return "built for ABI " + built + ", newer than this host (" + host + ")";
  }
  if (descriptor->struct_size < sizeof(gh_plugin_descriptor)) {
    return "descriptor struct_size too small";
  }
  if (descriptor->name.ptr == nullptr || descriptor->name.len == 0) {
    return "descriptor has an empty name";
  }
  if (descriptor->version.ptr == nullptr) {
    return "descriptor version is a NULL string";
  }
  if (descriptor->init == nullptr || descriptor->shutdown == nullptr) {
    return "init or shutdown is missing";
  }

  const int tables =
      (descriptor->provider != nullptr) + (descriptor->auth != nullptr) + (descriptor->billing != nullptr);
  if (tables != 1) {
    return "exactly one vtable must be set, found " + std::to_string(tables);
  }
  switch (descriptor->kind) {
  case GH_KIND_PROVIDER: {
    const gh_provider_vtable* table = descriptor->provider;
    if (table == nullptr) {
      return "kind 1 (provider) has no provider table";
    }
    if (table->struct_size < sizeof(gh_provider_vtable)) {
      return "provider table struct_size too small";
    }
    if (table->create == nullptr) {
      return "provider plugin lacks required function create";
    }
    if (table->destroy == nullptr) {
      return "provider plugin lacks required function destroy";
    }
    if (table->handle == nullptr) {
      return "provider plugin lacks required function handle";
    }
    return {};
  }
  case GH_KIND_AUTH:
    if (descriptor->auth == nullptr) {
      return "kind 2 (auth) has no auth table";
    }
    if (descriptor->auth->struct_size < kAuthVtableSize10) {
      return "auth table struct_size too small";
    }
    if (descriptor->auth->authenticate == nullptr) {
      return "auth plugin lacks required function authenticate";
    }
    // Sign-in needs both halves: a host could start a sign-in it can never finish.
    if (descriptor->auth->struct_size >= kAuthVtableSize12 &&
        (descriptor->auth->login_start == nullptr) != (descriptor->auth->login_finish == nullptr)) {
      return "auth plugin sets only one of login_start and login_finish";
    }
    return {};
  case GH_KIND_BILLING:
    if (descriptor->billing == nullptr) {
      return "kind 3 (billing) has no billing table";
    }
    if (descriptor->billing->struct_size < sizeof(gh_billing_vtable)) {
      return "billing table struct_size too small";
    }
    return {};
  default: return "unknown plugin kind " + std::to_string(descriptor->kind);
  }
}

} // namespace gatehouse::testing
