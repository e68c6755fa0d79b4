// `gatehouse admin create-key` and `gatehouse admin revoke-key`: the way in before anyone
// can sign in, and the way out for a leaked key, straight on the store (no gateway needs
// to run; running gateways pick the change up within auth.key_refresh_ms).
#pragma once

#include <gatehouse/store/api_key.hpp>
#include <gatehouse/store/store.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace gatehouse::admin {

inline constexpr const char* kDefaultAdminEmail = "admin@localhost";

// A problem the operator can fix (the message says how); store failures stay StoreError.
class BootstrapError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct BootstrapKey {
  std::string secret; // print once, never store
  store::ApiKey key;
  store::User owner;
  bool ownerCreated = false;
};

// Finds the local user (no identity-provider subject) with `email`, or creates them as an
// admin, and gives them a new admin-role key without limits, scopes or expiry. Audited as
// actor "cli". Throws BootstrapError when that user exists but is disabled or not an
// admin, or `name` is empty, too long or has control characters.
BootstrapKey createBootstrapKey(store::Store& store, const std::string& name, const std::string& email);

// True when the store holds at least one API key, whatever its state.
bool storeHasKeys(store::Store& store);

// Revokes key `id` (audited as actor "cli"). Throws BootstrapError when there is no such
// key; returns false when it was already revoked.
bool revokeKeyFromCli(store::Store& store, const std::string& id);

} // namespace gatehouse::admin
