#include "key_state.hpp"

namespace gatehouse::plugins::api_key {

KeyState stateOf(const sdk::Credential& key, std::int64_t nowMs) {
  if (key.revoked()) {
    return KeyState::Revoked;
  }
  if (key.expiredAt(nowMs)) {
    return KeyState::Expired;
  }
  if (key.disabled) {
    return KeyState::Disabled;
  }
  if (key.ownerDisabled) {
    return KeyState::OwnerDisabled;
  }
  // A principal without a subject would read as anonymous; the directory should never
  // hold such a key, and if it does it must not open the door.
  if (key.owner.empty()) {
    return KeyState::NoOwner;
  }
  return KeyState::Usable;
}

std::string_view describe(KeyState state) {
  switch (state) {
  case KeyState::Usable: return "usable";
  case KeyState::Revoked: return "revoked";
  case KeyState::Expired: return "expired";
  case KeyState::Disabled: return "disabled";
  case KeyState::OwnerDisabled: return "owner disabled";
  case KeyState::NoOwner: return "without owner";
  }
  return "?";
}

} // namespace gatehouse::plugins::api_key
