// /admin/teams: teams and memberships.
#include "admin_fixture.hpp"

namespace gatehouse::admin::testing {
namespace {

class TeamsApi : public AdminFixture {};

TEST_F(TeamsApi, CreatesListsAndShowsTeams) {
  const Reply created =
      call("POST", "/admin/teams", As::key(adminKey_), R"({"name":"research","monthly_budget_usd":250.5})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("object"), "team");
  EXPECT_EQ(created.text("name"), "research");
  EXPECT_DOUBLE_EQ(created.json["monthly_budget_usd"].GetDouble(), 250.5);
  EXPECT_EQ(store_->teams().findByName("research")->monthlyBudgetMicroUsd, 250'500'000);
  createTeam("apps");

  const Reply list = call("GET", "/admin/teams", As::key(adminKey_));
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json["data"].Size(), 2u);
  EXPECT_EQ(std::string(list.json["data"][0]["name"].GetString()), "apps"); // by name
  EXPECT_FALSE(list.json["has_more"].GetBool());

  const Reply shown = call("GET", "/admin/teams/" + created.text("id"), As::key(adminKey_));
  EXPECT_EQ(shown.status, 200);
  EXPECT_EQ(shown.text("name"), "research");
  EXPECT_EQ(call("GET", "/admin/teams/nope", As::key(adminKey_)).errorCode(), "team_not_found");
}

TEST_F(TeamsApi, TeamNamesAreUniqueAndValidated) {
  createTeam("research");
  const Reply duplicate = call("POST", "/admin/teams", As::key(adminKey_), R"({"name":"research"})");
  EXPECT_EQ(duplicate.status, 409);
  EXPECT_EQ(duplicate.errorCode(), "team_exists");
  EXPECT_EQ(call("POST", "/admin/teams", As::key(adminKey_), R"({})").errorParam(), "name");
  EXPECT_EQ(call("POST", "/admin/teams", As::key(adminKey_), R"({"name":""})").errorCode(), "invalid_value");
  EXPECT_EQ(
      call("POST", "/admin/teams", As::key(adminKey_), R"({"name":"x","monthly_budget_usd":0})").errorParam(),
      "monthly_budget_usd");
  EXPECT_EQ(call("POST", "/admin/teams", As::key(adminKey_), R"({"name":"x","owner":"y"})").errorCode(),
            "unknown_parameter");
}

TEST_F(TeamsApi, AddsChangesListsAndRemovesMembers) {
  const std::string team = createTeam("research");
  const std::string ann = createUser("ann@example.test");
  const std::string bob = createUser("bob@example.test");

  const Reply added =
      call("PUT", "/admin/teams/" + team + "/members/" + ann, As::key(adminKey_), R"({"role":"admin"})");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.text("object"), "team.member");
  EXPECT_EQ(added.text("role"), "admin");
  EXPECT_EQ(added.text("email"), "ann@example.test");
  ASSERT_EQ(call("PUT", "/admin/teams/" + team + "/members/" + bob, As::key(adminKey_), "{}").status, 200);
  // PUT again changes the role instead of adding twice.
  ASSERT_EQ(
      call("PUT", "/admin/teams/" + team + "/members/" + ann, As::key(adminKey_), R"({"role":"member"})")
          .status,
      200);

  const Reply members = call("GET", "/admin/teams/" + team + "/members", As::key(adminKey_));
  ASSERT_EQ(members.status, 200);
  ASSERT_EQ(members.json["data"].Size(), 2u);
  for (const auto& member : members.json["data"].GetArray())
    EXPECT_EQ(std::string(member["role"].GetString()), "member");

  const Reply removed = call("DELETE", "/admin/teams/" + team + "/members/" + bob, As::key(adminKey_));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_TRUE(removed.json["deleted"].GetBool());
  EXPECT_EQ(store_->teams().members(team).size(), 1u);
  EXPECT_EQ(call("DELETE", "/admin/teams/" + team + "/members/" + bob, As::key(adminKey_)).errorCode(),
            "member_not_found");
}

TEST_F(TeamsApi, MembershipsNeedAnExistingTeamAndUserAndAKnownRole) {
  const std::string team = createTeam("research");
  const std::string ann = createUser("ann@example.test");
  EXPECT_EQ(call("PUT", "/admin/teams/nope/members/" + ann, As::key(adminKey_), "{}").errorCode(),
            "team_not_found");
  EXPECT_EQ(call("PUT", "/admin/teams/" + team + "/members/nope", As::key(adminKey_), "{}").errorCode(),
            "user_not_found");
  const Reply badRole =
      call("PUT", "/admin/teams/" + team + "/members/" + ann, As::key(adminKey_), R"({"role":"boss"})");
  EXPECT_EQ(badRole.status, 400);
  EXPECT_EQ(badRole.errorParam(), "role");
  EXPECT_EQ(call("GET", "/admin/teams/nope/members", As::key(adminKey_)).status, 404);
  EXPECT_EQ(call("DELETE", "/admin/teams/nope/members/" + ann, As::key(adminKey_)).status, 404);
}

TEST_F(TeamsApi, TeamChangesAreAudited) {
  const std::string team = createTeam("research");
  const std::string ann = createUser("ann@example.test");
  ASSERT_EQ(call("PUT", "/admin/teams/" + team + "/members/" + ann, As::key(adminKey_), "{}").status, 200);
  ASSERT_EQ(call("DELETE", "/admin/teams/" + team + "/members/" + ann, As::key(adminKey_)).status, 200);
  const auto entries = store_->audit().list(store::AuditQuery{0, 10, adminId_, ""});
  ASSERT_GE(entries.size(), 4u);
  EXPECT_EQ(entries[0].action, "team.member.remove");
  EXPECT_EQ(entries[1].action, "team.member.put");
  EXPECT_EQ(entries[1].targetId, team);
  EXPECT_NE(entries[1].detailJson.find(ann), std::string::npos);
}

} // namespace
} // namespace gatehouse::admin::testing
