// Browser sign-in over a scripted sign-in provider (standing in for the oidc plugin), with
// the real session service, identity directory and store.
#include <gatehouse/admin/session_cookies.hpp>
#include <gatehouse/admin/sign_in_routes.hpp>
#include <gatehouse/http/cookies.hpp>
#include <gatehouse/http/query_string.hpp>

#include "admin_fixture.hpp"

namespace gatehouse::admin::testing {
namespace {

class ScriptedSignIn final : public SignInProvider {
public:
  const std::string& name() const override { return name_; }
  LoginStartOutcome start(std::string_view state, std::string_view redirectUri) const override {
    startedWith = std::string(state);
    startRedirect = std::string(redirectUri);
    LoginStartOutcome outcome;
    outcome.result = startResult;
    if (startResult.ok()) {
      outcome.location = "https://idp.example.test/authorize?state=" + http::percentEncode(state);
      outcome.flow = "nonce-and-verifier-for-" + std::string(state);
    }
    return outcome;
  }
  LoginFinishOutcome finish(std::string_view redirectUri, std::string_view callbackQuery,
                            std::string_view flow) const override {
    ++finishCalls;
    finishRedirect = std::string(redirectUri);
    finishQuery = std::string(callbackQuery);
    finishFlow = std::string(flow);
    LoginFinishOutcome outcome;
    outcome.result = finishResult;
    outcome.identity = identity;
    return outcome;
  }

  PluginResult startResult;
  PluginResult finishResult;
  IdentityClaims identity{
      GH_ROLE_MEMBER, "https://idp.example.test", "alice-sub", "alice@example.test", "Alice", {"research"},
      false};
  mutable std::string startedWith;
  mutable std::string startRedirect;
  mutable int finishCalls = 0;
  mutable std::string finishRedirect;
  mutable std::string finishQuery;
  mutable std::string finishFlow;

private:
  std::string name_ = "oidc";
};

std::string setCookie(const Reply& reply, std::string_view name) {
  for (const auto& [header, value] : reply.addedHeaders) {
    if (header == "Set-Cookie" && value.substr(0, name.size() + 1) == std::string(name) + "=")
      return value;
  }
  return {};
}

std::string cookieValueOf(const std::string& setCookieHeader) {
  const std::size_t equals = setCookieHeader.find('=');
  return setCookieHeader.substr(equals + 1, setCookieHeader.find(';') - equals - 1);
}

class SignIn : public AdminFixture {
protected:
  void SetUp() override { addSignInRoutes(router_, signIn_); }

  // Starts a sign-in; returns the state (also the login cookie's value).
  std::string startLogin(const std::string& target = "/auth/login?return_to=%2Fdashboard%3Ftab%3Dkeys") {
    const Reply started = call("GET", target, As::nobody());
    EXPECT_EQ(started.status, 302) << started.body;
    return cookieValueOf(setCookie(started, kLoginCookie));
  }

  Reply callback(const std::string& query, const std::string& loginCookie) {
    return call("GET", "/auth/callback?" + query, As{{{"Cookie", "gatehouse_login=" + loginCookie}}});
  }

  ScriptedSignIn provider_;
  std::string publicUrl_ = "http://127.0.0.1:8080";
  SignInContext signIn_{&provider_, sessions_, identities_, *store_, [this] { return publicUrl_; }};
};

TEST_F(SignIn, LoginRedirectsToTheProviderAndBindsTheStateToTheBrowser) {
  const Reply started = call("GET", "/auth/login?return_to=/dashboard", As::nobody());
  ASSERT_EQ(started.status, 302) << started.body;
  EXPECT_EQ(started.headers.at("Location"),
            "https://idp.example.test/authorize?state=" + http::percentEncode(provider_.startedWith));
  EXPECT_EQ(started.headers.at("Cache-Control"), "no-store");
  EXPECT_EQ(provider_.startRedirect, "http://127.0.0.1:8080/auth/callback");
  EXPECT_GE(provider_.startedWith.size(), 43u); // 32 random bytes
  EXPECT_EQ(setCookie(started, kLoginCookie),
            "gatehouse_login=" + provider_.startedWith + "; Path=/auth; Max-Age=600; HttpOnly; SameSite=Lax");
  // Each sign-in gets its own state.
  const std::string first = provider_.startedWith;
  startLogin();
  EXPECT_NE(provider_.startedWith, first);
}

TEST_F(SignIn, ReturnToMustBeALocalPath) {
  for (const char* bad :
       {"https://evil.example", "//evil.example/x", "/\\evil.example", "evil", "/a%0Ab", "%zz"}) {
    const Reply reply = call("GET", std::string("/auth/login?return_to=") + bad, As::nobody());
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_EQ(reply.errorParam(), "return_to") << bad;
  }
  EXPECT_TRUE(isLocalReturnPath("/"));
  EXPECT_TRUE(isLocalReturnPath("/dashboard/keys?x=1#top"));
  EXPECT_FALSE(isLocalReturnPath(""));
  EXPECT_FALSE(isLocalReturnPath("/" + std::string(2048, 'a')));
}

TEST_F(SignIn, AFullSignInCreatesTheUserAndASessionThatAuthenticates) {
  const std::string state = startLogin();
  const Reply done = callback("code=the-code&state=" + http::percentEncode(state), state);
  ASSERT_EQ(done.status, 302) << done.body;
  EXPECT_EQ(done.headers.at("Location"), "/dashboard?tab=keys");
  EXPECT_EQ(provider_.finishRedirect, "http://127.0.0.1:8080/auth/callback");
  EXPECT_EQ(provider_.finishQuery, "code=the-code&state=" + http::percentEncode(state));
  EXPECT_EQ(provider_.finishFlow, "nonce-and-verifier-for-" + state);
  EXPECT_EQ(setCookie(done, kLoginCookie), "gatehouse_login=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax");
  const std::string sessionCookie = setCookie(done, kSessionCookie);
  EXPECT_NE(sessionCookie.find("; Path=/; Max-Age=28800; HttpOnly; SameSite=Lax"), std::string::npos)
      << sessionCookie;
  EXPECT_EQ(sessionCookie.find("Secure"), std::string::npos); // http public URL
  const std::string session = cookieValueOf(sessionCookie);

  const std::optional<store::User> alice =
      store_->users().findBySubject("https://idp.example.test|alice-sub");
  ASSERT_TRUE(alice);
  EXPECT_EQ(alice->email, "alice@example.test");
  ASSERT_TRUE(store_->teams().findByName("research"));

  const Reply who = call("GET", "/auth/session", As::session(session));
  ASSERT_EQ(who.status, 200) << who.body;
  EXPECT_EQ(std::string(who.json["user"]["id"].GetString()), alice->id);
  EXPECT_EQ(who.text("role"), "member");
  const Reply me = call("GET", "/admin/me", As::session(session));
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(std::string(me.json["teams"][0]["name"].GetString()), "research");

  const auto audit = store_->audit().list(store::AuditQuery{0, 5, alice->id, "user.sign_in"});
  EXPECT_EQ(audit.size(), 1u);
}

TEST_F(SignIn, LogoutEndsTheSessionAndClearsTheCookie) {
  const std::string state = startLogin();
  const std::string session =
      cookieValueOf(setCookie(callback("code=c&state=" + state, state), kSessionCookie));
  ASSERT_EQ(call("GET", "/auth/session", As::session(session)).status, 200);
  const Reply out = call("POST", "/auth/logout", As::session(session));
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(setCookie(out, kSessionCookie), "gatehouse_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  EXPECT_EQ(call("GET", "/auth/session", As::session(session)).errorCode(), "not_signed_in");
  EXPECT_EQ(call("GET", "/admin/me", As::session(session)).status, 401);
  EXPECT_EQ(call("POST", "/auth/logout", As::nobody()).status, 204); // nothing to end is fine
}

TEST_F(SignIn, TheStateMustMatchTheBrowsersCookie) {
  const std::string state = startLogin();
  const std::string other = startLogin();
  const Reply swapped = callback("code=c&state=" + state, other);
  EXPECT_EQ(swapped.status, 401);
  EXPECT_EQ(swapped.errorCode(), "sign_in_state_mismatch");
  const Reply noCookie = call("GET", "/auth/callback?code=c&state=" + state, As::nobody());
  EXPECT_EQ(noCookie.errorCode(), "sign_in_state_mismatch");
  EXPECT_EQ(provider_.finishCalls, 0);
  // The sign-in itself is still pending and can finish in the right browser.
  EXPECT_EQ(callback("code=c&state=" + state, state).status, 302);
}

TEST_F(SignIn, AStateWorksOnce) {
  const std::string state = startLogin();
  ASSERT_EQ(callback("code=c&state=" + state, state).status, 302);
  const Reply replay = callback("code=c&state=" + state, state);
  EXPECT_EQ(replay.status, 401);
  EXPECT_EQ(replay.errorCode(), "sign_in_expired");
  EXPECT_EQ(provider_.finishCalls, 1);
}

TEST_F(SignIn, MalformedCallbacksAre400) {
  EXPECT_EQ(call("GET", "/auth/callback?code=c", As::nobody()).errorCode(), "invalid_callback");
  EXPECT_EQ(call("GET", "/auth/callback", As::nobody()).status, 400);
  const Reply twice = call("GET", "/auth/callback?state=a&state=b", As::nobody());
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(twice.errorParam(), "state");
}

TEST_F(SignIn, AProviderRefusalIsA401AndUsesUpTheSignIn) {
  const std::string state = startLogin();
  const Reply refused = callback("error=access_denied&error_description=%3Cscript%3E&state=" + state, state);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.errorCode(), "sign_in_refused");
  EXPECT_NE(refused.body.find("access_denied"), std::string::npos);
  EXPECT_EQ(refused.body.find("script"), std::string::npos);
  EXPECT_EQ(provider_.finishCalls, 0);
  EXPECT_EQ(callback("code=c&state=" + state, state).errorCode(), "sign_in_expired");
  // Without a state the provider's error is still reported, reduced to a code.
  const Reply bare = call("GET", "/auth/callback?error=%22%3Cb%3Einvalid_scope", As::nobody());
  EXPECT_EQ(bare.status, 401);
  EXPECT_NE(bare.body.find("binvalid_scope"), std::string::npos) << bare.body;
}

TEST_F(SignIn, PluginRefusalsAndOutagesAreNever500) {
  provider_.finishResult = PluginResult{GH_ERROR_UNAUTHENTICATED, "The ID token has expired."};
  std::string state = startLogin();
  const Reply refused = callback("code=c&state=" + state, state);
  EXPECT_EQ(refused.status, 401);
  EXPECT_NE(refused.body.find("The ID token has expired."), std::string::npos);

  provider_.finishResult = PluginResult{GH_ERROR_UNAVAILABLE, "token endpoint unreachable: 10.0.0.1"};
  state = startLogin();
  const Reply down = callback("code=c&state=" + state, state);
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(down.body.find("10.0.0.1"), std::string::npos); // plugin detail stays in the log

  provider_.finishResult = PluginResult{GH_ERROR_INTERNAL, "bug"};
  state = startLogin();
  EXPECT_EQ(callback("code=c&state=" + state, state).status, 502);

  provider_.startResult = PluginResult{GH_ERROR_UNAVAILABLE, "discovery failed"};
  const Reply startDown = call("GET", "/auth/login", As::nobody());
  EXPECT_EQ(startDown.status, 503);
  EXPECT_TRUE(setCookie(startDown, kLoginCookie).empty());
}

TEST_F(SignIn, DisabledUsersCannotSignIn) {
  std::string state = startLogin();
  ASSERT_EQ(callback("code=c&state=" + state, state).status, 302);
  const std::string alice = store_->users().findBySubject("https://idp.example.test|alice-sub")->id;
  ASSERT_EQ(call("PATCH", "/admin/users/" + alice, As::key(adminKey_), R"({"disabled":true})").status, 200);
  state = startLogin();
  const Reply refused = callback("code=c&state=" + state, state);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.errorCode(), "account_disabled");
  EXPECT_TRUE(setCookie(refused, kSessionCookie).empty());
}

TEST_F(SignIn, HttpsPublicUrlMakesCookiesSecure) {
  publicUrl_ = "https://ai.example.test";
  const Reply started = call("GET", "/auth/login", As::nobody());
  EXPECT_NE(setCookie(started, kLoginCookie).find("; Secure"), std::string::npos);
  EXPECT_EQ(provider_.startRedirect, "https://ai.example.test/auth/callback");
  const std::string state = cookieValueOf(setCookie(started, kLoginCookie));
  const Reply done = callback("code=c&state=" + state, state);
  ASSERT_EQ(done.status, 302);
  EXPECT_EQ(done.headers.at("Location"), "/"); // the default return path
  EXPECT_NE(setCookie(done, kSessionCookie).find("; Secure"), std::string::npos);
}

TEST_F(SignIn, SessionWithoutCookieIs401) {
  EXPECT_EQ(call("GET", "/auth/session", As::nobody()).status, 401);
  EXPECT_EQ(call("GET", "/auth/session", As::session("made-up")).errorCode(), "not_signed_in");
}

class NoSignIn : public AdminFixture {
protected:
  void SetUp() override { addSignInRoutes(router_, signIn_); }
  SignInContext signIn_{nullptr, sessions_, identities_, *store_, [] { return std::string("http://h:1"); }};
};

TEST_F(NoSignIn, LoginAndCallbackAre404WhenNoPluginOffersSignIn) {
  EXPECT_EQ(call("GET", "/auth/login", As::nobody()).errorCode(), "sign_in_not_configured");
  EXPECT_EQ(call("GET", "/auth/callback?code=c&state=s", As::nobody()).status, 404);
  EXPECT_EQ(call("POST", "/auth/logout", As::nobody()).status, 204);
}

} // namespace
} // namespace gatehouse::admin::testing
