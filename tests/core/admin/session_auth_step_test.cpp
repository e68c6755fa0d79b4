#include "admin_fixture.hpp"

namespace gatehouse::admin::testing {
namespace {

class SessionStep : public AdminFixture {
protected:
  AuthOutcome run(const std::string& cookieHeader) {
    gatehouse::testing::FakeClientRequest request;
    if (!cookieHeader.empty())
      request.headers["Cookie"] = cookieHeader;
    return step_.authenticate(request);
  }
  gateway::Authenticator::Step step_ = sessionAuthStep(sessions_);
};

TEST_F(SessionStep, IsNamedSession) {
  EXPECT_EQ(step_.name, "session");
}

TEST_F(SessionStep, WithoutTheCookieItIsNotMine) {
  EXPECT_EQ(run("").verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(run("theme=dark").verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(run("gatehouse_session=").verdict, GH_AUTH_NOT_MINE);
  EXPECT_TRUE(run("theme=dark").result.ok());
}

TEST_F(SessionStep, ALiveSessionIsItsUser) {
  const std::string cookie = sessions_.create(adminId_, "oidc");
  const AuthOutcome outcome = run("theme=dark; gatehouse_session=" + cookie);
  ASSERT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.subject, adminId_);
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  EXPECT_TRUE(outcome.keyId.empty());
}

TEST_F(SessionStep, AnUnknownOrEndedSessionIsDeniedWithoutSayingWhich) {
  const std::string cookie = sessions_.create(adminId_, "oidc");
  sessions_.end(cookie);
  const AuthOutcome ended = run("gatehouse_session=" + cookie);
  const AuthOutcome unknown = run("gatehouse_session=never-issued");
  EXPECT_EQ(ended.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(unknown.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(ended.denyReason, unknown.denyReason);
  EXPECT_EQ(unknown.denyReason.find("never-issued"), std::string::npos);
}

} // namespace
} // namespace gatehouse::admin::testing
