// Teams and memberships. Every method throws StoreError on failure (see store_error.hpp).
#pragma once

#include <gatehouse/store/team.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gatehouse::store {

class TeamRepository {
public:
  virtual ~TeamRepository() = default;

  // Conflict when the name is taken.
  virtual Team create(const NewTeam& team) = 0;
  virtual std::optional<Team> findById(const std::string& id) = 0;
  virtual std::optional<Team> findByName(const std::string& name) = 0;
  virtual std::vector<Team> list() = 0; // ordered by name
  // Adds the user or changes their role. Conflict when the team or user does not exist.
  virtual void putMember(const std::string& teamId, const std::string& userId, Role role) = 0;
  virtual bool removeMember(const std::string& teamId, const std::string& userId) = 0;
  virtual std::vector<TeamMember> members(const std::string& teamId) = 0; // ordered by user id
  virtual std::vector<TeamMember> teamsOf(const std::string& userId) = 0; // ordered by team id
};

} // namespace gatehouse::store
