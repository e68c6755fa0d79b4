// Users: people and service identities known to the gateway.
#pragma once

#include <cstdint>
#include <string>

namespace gatehouse::store {

// Same numbers as the ABI's GH_ROLE_* so a principal's role maps without a table.
enum class Role : int { Member = 1, Admin = 2 };

struct NewUser {
  std::string externalSubject; // identity provider's subject ("" for local users); unique when set
  std::string email;
  std::string displayName;
  Role role = Role::Member;
};

struct User {
  std::string id;
  std::string externalSubject;
  std::string email;
  std::string displayName;
  Role role = Role::Member;
  bool disabled = false;
  std::int64_t createdAtMs = 0;
  std::int64_t updatedAtMs = 0;
};

} // namespace gatehouse::store
