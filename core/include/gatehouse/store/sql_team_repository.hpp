// TeamRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/sql_database.hpp>
#include <gatehouse/store/team_repository.hpp>

namespace gatehouse::store {

class SqlTeamRepository final : public TeamRepository {
public:
  explicit SqlTeamRepository(SqlDatabase& database) : database_(database) {}

  Team create(const NewTeam& team) override;
  std::optional<Team> findById(const std::string& id) override;
  std::optional<Team> findByName(const std::string& name) override;
  std::vector<Team> list() override;
  void putMember(const std::string& teamId, const std::string& userId, Role role) override;
  bool removeMember(const std::string& teamId, const std::string& userId) override;
  std::vector<TeamMember> members(const std::string& teamId) override;
  std::vector<TeamMember> teamsOf(const std::string& userId) override;

private:
  std::vector<Team> findTeams(const std::string& sql, const SqlParams& params);
  std::vector<TeamMember> findMembers(const std::string& sql, const std::string& value);

  SqlDatabase& database_;
};

} // namespace gatehouse::store
