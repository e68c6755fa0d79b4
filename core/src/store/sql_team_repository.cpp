#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/sql_team_repository.hpp>
#include <gatehouse/store/store_clock.hpp>

namespace gatehouse::store {
namespace {

const std::string kSelectTeams = "SELECT id, name, monthly_budget_micro_usd, created_at_ms FROM teams ";
const std::string kSelectMembers = "SELECT team_id, user_id, role, added_at_ms FROM team_members ";

} // namespace

Team SqlTeamRepository::create(const NewTeam& newTeam) {
  Team team{newId(), newTeam.name, newTeam.monthlyBudgetMicroUsd, currentTimeMs()};
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    connection.execute(
        "INSERT INTO teams (id, name, monthly_budget_micro_usd, created_at_ms) VALUES (?, ?, ?, ?)",
        {team.id, team.name, sqlOptional(team.monthlyBudgetMicroUsd), sqlInt(team.createdAtMs)});
  });
  return team;
}

std::vector<Team> SqlTeamRepository::findTeams(const std::string& sql, const SqlParams& params) {
  std::vector<Team> teams;
  database_.read([&](SqlConnection& connection) {
    teams.clear();
    for (const SqlRow& row : connection.query(sql, params)) {
      teams.push_back(Team{row.text(0), row.text(1), row.optionalInt64(2), row.int64(3)});
    }
  });
  return teams;
}

std::optional<Team> SqlTeamRepository::findById(const std::string& id) {
  auto teams = findTeams(kSelectTeams + "WHERE id = ?", {id});
  return teams.empty() ? std::nullopt : std::optional<Team>(std::move(teams.front()));
}

std::optional<Team> SqlTeamRepository::findByName(const std::string& name) {
  auto teams = findTeams(kSelectTeams + "WHERE name = ?", {name});
  return teams.empty() ? std::nullopt : std::optional<Team>(std::move(teams.front()));
}

std::vector<Team> SqlTeamRepository::list() {
  return findTeams(kSelectTeams + "ORDER BY name", {});
}

void SqlTeamRepository::putMember(const std::string& teamId, const std::string& userId, Role role) {
  const SqlDialect& dialect = database_.dialect();
  const std::string sql =
      "INSERT INTO team_members (team_id, user_id, role, added_at_ms) VALUES (?, ?, ?, ?) " +
      dialect.onConflictUpdate("team_id, user_id") + " role = " + dialect.proposed("role");
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    connection.execute(sql, {teamId, userId, sqlInt(static_cast<int>(role)), sqlInt(currentTimeMs())});
  });
}

bool SqlTeamRepository::removeMember(const std::string& teamId, const std::string& userId) {
  std::int64_t removed = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    removed =
        connection.execute("DELETE FROM team_members WHERE team_id = ? AND user_id = ?", {teamId, userId});
  });
  return removed > 0;
}

std::vector<TeamMember> SqlTeamRepository::findMembers(const std::string& sql, const std::string& value) {
  std::vector<TeamMember> members;
  database_.read([&](SqlConnection& connection) {
    members.clear();
    for (const SqlRow& row : connection.query(sql, {value})) {
      members.push_back(TeamMember{row.text(0), row.text(1), static_cast<Role>(row.int64(2)), row.int64(3)});
    }
  });
  return members;
}

std::vector<TeamMember> SqlTeamRepository::members(const std::string& teamId) {
  return findMembers(kSelectMembers + "WHERE team_id = ? ORDER BY user_id", teamId);
}

std::vector<TeamMember> SqlTeamRepository::teamsOf(const std::string& userId) {
  return findMembers(kSelectMembers + "WHERE user_id = ? ORDER BY team_id", userId);
}

} // namespace gatehouse::store
