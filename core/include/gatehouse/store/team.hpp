// Teams and who belongs to them.
#pragma once

#include <gatehouse/store/user.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace gatehouse::store {

struct NewTeam {
  std::string name;                                  // unique
  std::optional<std::int64_t> monthlyBudgetMicroUsd; // none: unlimited
};

struct Team {
  std::string id;
  std::string name;
  std::optional<std::int64_t> monthlyBudgetMicroUsd;
  std::int64_t createdAtMs = 0;
};

struct TeamMember {
  std::string teamId;
  std::string userId;
  Role role = Role::Member; // Admin: may manage the team's keys and members
  std::int64_t addedAtMs = 0;
};

} // namespace gatehouse::store
