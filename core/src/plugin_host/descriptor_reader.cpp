#include <gatehouse/plugin_host/abi_text.hpp>
#include <gatehouse/plugin_host/descriptor_reader.hpp>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace gatehouse {
namespace {

std::string hostVersion() {
  return std::to_string(GH_ABI_VERSION_MAJOR) + "." + std::to_string(GH_ABI_VERSION_MINOR);
}

// Copies only the bytes the plugin declared; the rest stays zero. A table's first
// field is its struct_size, so that is read before anything else of it.
template <typename Table> Table copyTable(const Table* source, std::size_t declaredSize) {
  Table copy{};
  std::memcpy(&copy, source, std::min(declaredSize, sizeof(Table)));
  return copy;
}

std::string describeKind(gh_plugin_kind kind) {
  return "kind " + std::to_string(kind) + " (" + std::string(kindName(kind)) + ")";
}

std::optional<std::string> checkHandshake(const gh_plugin_descriptor& raw) {
  if (raw.magic != GH_PLUGIN_MAGIC) {
    char hex[19];
    std::snprintf(hex, sizeof hex, "0x%016" PRIx64, raw.magic);
    return "bad magic " + std::string(hex) + " (not a Gatehouse plugin)";
  }
  if (raw.abi_major != GH_ABI_VERSION_MAJOR) {
    return "ABI major " + std::to_string(raw.abi_major) + " is not supported (host speaks " + hostVersion() +
           ")";
  }
  if (raw.abi_minor > GH_ABI_VERSION_MINOR) {
    return "built for ABI " + std::to_string(raw.abi_major) + "." + std::to_string(raw.abi_minor) +
           ", newer than this host (" + hostVersion() + ")";
  }
  if (raw.struct_size < kMinDescriptorSize) {
    return "descriptor struct_size " + std::to_string(raw.struct_size) +
           " is smaller than the v1.0 descriptor (" + std::to_string(kMinDescriptorSize) + ")";
  }
  return std::nullopt;
}

std::optional<std::string> checkIdentity(const gh_plugin_descriptor& descriptor) {
  if (kindName(descriptor.kind) == "unknown") {
    return "kind " + std::to_string(descriptor.kind) + " is not a known plugin kind";
  }
  if (descriptor.name.ptr == nullptr || descriptor.name.len == 0) {
    return std::string("descriptor has an empty name");
  }
  if (descriptor.version.ptr == nullptr && descriptor.version.len != 0) {
    return std::string("descriptor version is a NULL string");
  }
  if (descriptor.init == nullptr) {
    return std::string("descriptor lacks required function init");
  }
  if (descriptor.shutdown == nullptr) {
    return std::string("descriptor lacks required function shutdown");
  }
  return std::nullopt;
}

// Exactly the table matching the kind may be set: another one means the plugin was
// built confused about what it is, and guessing would run the wrong code.
std::optional<std::string> checkTablePresence(const gh_plugin_descriptor& descriptor) {
  const gh_plugin_kind kind = descriptor.kind;
  const bool present[] = {descriptor.provider != nullptr, descriptor.auth != nullptr,
                          descriptor.billing != nullptr};
  const gh_plugin_kind kinds[] = {GH_KIND_PROVIDER, GH_KIND_AUTH, GH_KIND_BILLING};
  for (std::size_t i = 0; i < 3; ++i) {
    if (kinds[i] == kind && !present[i]) {
      return describeKind(kind) + " has no " + std::string(kindName(kind)) + " table";
    }
  }
  for (std::size_t i = 0; i < 3; ++i) {
    if (kinds[i] != kind && present[i]) {
      return describeKind(kind) + " must not also set the " + std::string(kindName(kinds[i])) + " table";
    }
  }
  return std::nullopt;
}

std::optional<std::string> checkTableSize(std::string_view kind, std::uint32_t declared, std::size_t needed) {
  if (declared >= needed) {
    return std::nullopt;
  }
  return std::string(kind) + " table struct_size " + std::to_string(declared) +
         " is smaller than the v1.0 table (" + std::to_string(needed) + ")";
}

std::optional<std::string> lacks(std::string_view kind, std::string_view function) {
  return std::string(kind) + " plugin lacks required function " + std::string(function);
}

std::optional<std::string> copyKindTable(const gh_plugin_descriptor& descriptor, PluginTables& out) {
  switch (descriptor.kind) {
  case GH_KIND_PROVIDER: {
    const std::uint32_t size = descriptor.provider->struct_size;
    if (auto tooSmall = checkTableSize("provider", size, kMinProviderTableSize)) {
      return tooSmall;
    }
    out.provider = copyTable(descriptor.provider, size);
    if (out.provider.create == nullptr) {
      return lacks("provider", "create");
    }
    if (out.provider.destroy == nullptr) {
      return lacks("provider", "destroy");
    }
    if (out.provider.handle == nullptr) {
      return lacks("provider", "handle");
    }
    return std::nullopt;
  }
  case GH_KIND_AUTH: {
    const std::uint32_t size = descriptor.auth->struct_size;
    if (auto tooSmall = checkTableSize("auth", size, kMinAuthTableSize)) {
      return tooSmall;
    }
    out.auth = copyTable(descriptor.auth, size);
    if (out.auth.authenticate == nullptr) {
      return lacks("auth", "authenticate");
    }
    // A 1.0/1.1 table ends before them, so both read as NULL. Half a sign-in could start
    // flows it can never finish (or finish flows nobody started): refuse it at load.
    if ((out.auth.login_start == nullptr) != (out.auth.login_finish == nullptr)) {
      return std::string("auth plugin sets ") +
             (out.auth.login_start ? "login_start without login_finish"
                                   : "login_finish without login_start") +
             " (browser sign-in needs both or neither)";
    }
    return std::nullopt;
  }
  case GH_KIND_BILLING: {
    const std::uint32_t size = descriptor.billing->struct_size;
    if (auto tooSmall = checkTableSize("billing", size, kMinBillingTableSize)) {
      return tooSmall;
    }
    out.billing = copyTable(descriptor.billing, size);
    return std::nullopt;
  }
  default: return describeKind(descriptor.kind) + " has no table";
  }
}

} // namespace

std::optional<std::string> readDescriptor(const gh_plugin_descriptor* raw, PluginTables& out) {
  if (raw == nullptr) {
    return std::string("entry point " GH_PLUGIN_ENTRY_SYMBOL " returned no descriptor");
  }
  // The handshake prefix (magic, versions, struct_size) is the same in every version.
  if (auto refused = checkHandshake(*raw)) {
    return refused;
  }
  PluginTables tables;
  tables.descriptor = copyTable(raw, raw->struct_size);
  if (auto refused = checkIdentity(tables.descriptor)) {
    return refused;
  }
  if (auto refused = checkTablePresence(tables.descriptor)) {
    return refused;
  }
  if (auto refused = copyKindTable(tables.descriptor, tables)) {
    return refused;
  }
  out = tables;
  return std::nullopt;
}

} // namespace gatehouse
