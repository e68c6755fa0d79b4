// GET /admin/usage on a real SQLite store, with usage written through UsageRepository:
// two members in two teams (Ann in research; Bob in research and apps), what an admin
// sees, what each member may and may not see, groupings, defaults and validation.
#include <gatehouse/usage/usage_event.hpp>

#include "admin_fixture.hpp"

namespace gatehouse::admin::testing {
namespace {

constexpr std::int64_t kMarch2025 = 1'740'787'200;    // 2025-03-01T00:00:00Z, unix seconds
constexpr std::int64_t kFebruary2025 = 1'738'368'000; // 2025-02-01T00:00:00Z
constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kHour = 3'600;
constexpr std::int64_t kNow = kMarch2025 + 19 * kDay; // 2025-03-20T00:00:00Z

// Unix seconds of 2025-03-<day> <hour>:<minute> UTC.
constexpr std::int64_t march(int day, int hour, int minute = 0) {
  return kMarch2025 + (day - 1) * kDay + hour * kHour + minute * 60;
}

class UsageApi : public AdminFixture {
protected:
  void SetUp() override {
    nowMs_ = kNow * 1000;
    ann_ = createUser("ann@example.test");
    bob_ = createUser("bob@example.test");
    research_ = createTeam("research");
    apps_ = createTeam("apps");
    for (const auto& [team, user] : {std::pair{research_, ann_}, {research_, bob_}, {apps_, bob_}})
      ASSERT_EQ(call("PUT", "/admin/teams/" + team + "/members/" + user, As::key(adminKey_), "{}").status,
                200);
    std::tie(annKey_, annSecret_) = createKeyFor(ann_, R"("team_id":")" + research_ + "\"");
    std::tie(bobAppsKey_, bobSecret_) = createKeyFor(bob_, R"("team_id":")" + apps_ + "\"");
    bobResearchKey_ = createKeyFor(bob_, R"("team_id":")" + research_ + "\"").first;
    annSession_ = sessions_.create(ann_, "oidc");

    std::vector<UsageEvent> events;
    // Ann, research: one priced chat and one failed, unpriced one, in two hours of March 10.
    UsageEvent chat = event("ann-1", ann_, research_, annKey_, "notebook", "gpt-4o", march(10, 9, 15));
    chat.usage.prompt_tokens = 100;
    chat.usage.completion_tokens = 20;
    chat.usage.cached_prompt_tokens = 10;
    chat.usage.reasoning_tokens = 5;
    chat.costMicroUsd = 1'500;
    events.push_back(chat);
    UsageEvent failed = event("ann-2", ann_, research_, annKey_, "notebook", "claude-3", march(10, 10, 5));
    failed.usage.prompt_tokens = 50;
    failed.usage.completion_tokens = 10;
    failed.httpStatus = 500;
    failed.costMicroUsd = -1;
    events.push_back(failed);
    // Bob, apps: images, audio and speech worth exactly two dollars.
    UsageEvent media = event("bob-1", bob_, apps_, bobAppsKey_, "billing", "gpt-4o", march(11, 12));
    media.usage.images = 2;
    media.usage.audio_milliseconds = 60'000;
    media.usage.characters = 300;
    media.costMicroUsd = 2'000'000;
    events.push_back(media);
    // Bob, research.
    UsageEvent lab = event("bob-2", bob_, research_, bobResearchKey_, "lab", "gpt-4o", march(12, 8, 30));
    lab.usage.prompt_tokens = 1'000;
    lab.usage.completion_tokens = 200;
    lab.costMicroUsd = 21'500;
    events.push_back(lab);
    // Ann in February: outside the default range.
    UsageEvent old =
        event("ann-old", ann_, research_, annKey_, "notebook", "gpt-4o", kFebruary2025 + 19 * kDay);
    old.usage.prompt_tokens = 7;
    old.costMicroUsd = 7;
    events.push_back(old);
    ASSERT_EQ(store_->usage().insert(events), events.size());
  }

  static UsageEvent event(const std::string& requestId, const std::string& user, const std::string& team,
                          const std::string& keyId, const std::string& app, const std::string& model,
                          std::int64_t startedAtSeconds) {
    UsageEvent event;
    event.requestId = requestId;
    event.subject = user;
    event.team = team;
    event.app = app;
    event.keyId = keyId;
    event.provider = "mock";
    event.model = model;
    event.upstreamModel = model;
    event.startedAtMs = startedAtSeconds * 1000;
    event.durationMs = 50;
    event.costMicroUsd = 0;
    return event;
  }

  Reply usage(const std::string& query, const As& as) {
    return call("GET", "/admin/usage" + (query.empty() ? "" : "?" + query), as);
  }

  // The entries of a grouped answer: key -> requests.
  static std::map<std::string, std::int64_t> requestsByKey(const Reply& reply) {
    std::map<std::string, std::int64_t> result;
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200)
      return result;
    for (const auto& entry : reply.json["data"].GetArray()) {
      const std::string key = entry["key"].IsString()  ? entry["key"].GetString()
                              : entry["key"].IsInt64() ? std::to_string(entry["key"].GetInt64())
                                                       : "null";
      result[key] = entry["requests"].GetInt64();
    }
    return result;
  }

  // The error's type, "" when the answer is no error.
  static std::string errorType(const Reply& reply) {
    return reply.json.IsObject() && reply.json.HasMember("error") ? reply.json["error"]["type"].GetString()
                                                                  : "";
  }

  // Requests in an ungrouped answer (0 when nothing was used).
  static std::int64_t totalRequests(const Reply& reply) {
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200 || reply.json["data"].Empty())
      return 0;
    EXPECT_EQ(reply.json["data"].Size(), 1u);
    return reply.json["data"][0]["requests"].GetInt64();
  }

  As annKey() const { return As::key(annSecret_); }
  As annBrowser() const { return As::session(annSession_); }

  std::string ann_, bob_, research_, apps_;
  std::string annKey_, annSecret_, bobAppsKey_, bobSecret_, bobResearchKey_;
  std::string annSession_;
};

TEST_F(UsageApi, AdminSeesEveryonesUsageOfThisMonthByDefault) {
  const Reply reply = usage("", As::key(adminKey_));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.headers.at("Cache-Control"), "no-store");
  EXPECT_EQ(reply.text("object"), "usage");
  EXPECT_EQ(reply.json["from"].GetInt64(), kMarch2025);
  EXPECT_EQ(reply.json["to"].GetInt64(), kNow);
  EXPECT_EQ(reply.text("group_by"), "none");
  EXPECT_TRUE(reply.json["user_id"].IsNull());
  EXPECT_TRUE(reply.json["team_id"].IsNull());
  EXPECT_TRUE(reply.json["key_id"].IsNull());
  ASSERT_EQ(reply.json["data"].Size(), 1u);
  const auto& total = reply.json["data"][0];
  EXPECT_TRUE(total["key"].IsNull());
  EXPECT_EQ(total["requests"].GetInt64(), 4); // February's request is outside
  EXPECT_EQ(total["error_requests"].GetInt64(), 1);
  EXPECT_EQ(total["unpriced_requests"].GetInt64(), 1);
  EXPECT_EQ(total["prompt_tokens"].GetInt64(), 1'150);
  EXPECT_EQ(total["completion_tokens"].GetInt64(), 230);
  EXPECT_EQ(total["cached_prompt_tokens"].GetInt64(), 10);
  EXPECT_EQ(total["reasoning_tokens"].GetInt64(), 5);
  EXPECT_EQ(total["images"].GetInt64(), 2);
  EXPECT_EQ(total["audio_ms"].GetInt64(), 60'000);
  EXPECT_EQ(total["characters"].GetInt64(), 300);
  EXPECT_NE(reply.body.find(R"("cost_usd":2.023,)"), std::string::npos) << reply.body;
}

TEST_F(UsageApi, AdminGroupsByEachDimension) {
  const As admin = As::key(adminKey_);
  const Reply byUser = usage("group_by=user", admin);
  EXPECT_EQ(byUser.text("group_by"), "user");
  EXPECT_EQ(requestsByKey(byUser), (std::map<std::string, std::int64_t>{{ann_, 2}, {bob_, 2}}));
  EXPECT_EQ(requestsByKey(usage("group_by=team", admin)),
            (std::map<std::string, std::int64_t>{{research_, 3}, {apps_, 1}}));
  EXPECT_EQ(requestsByKey(usage("group_by=app", admin)),
            (std::map<std::string, std::int64_t>{{"notebook", 2}, {"billing", 1}, {"lab", 1}}));
  EXPECT_EQ(requestsByKey(usage("group_by=model", admin)),
            (std::map<std::string, std::int64_t>{{"gpt-4o", 3}, {"claude-3", 1}}));
  EXPECT_EQ(requestsByKey(usage("group_by=key", admin)),
            (std::map<std::string, std::int64_t>{{annKey_, 2}, {bobAppsKey_, 1}, {bobResearchKey_, 1}}));

  // Hours are numbers (unix seconds of the hour's start), in order.
  const Reply byHour = usage("group_by=hour", admin);
  ASSERT_EQ(byHour.status, 200) << byHour.body;
  ASSERT_EQ(byHour.json["data"].Size(), 4u);
  const std::int64_t hours[] = {march(10, 9), march(10, 10), march(11, 12), march(12, 8)};
  for (rapidjson::SizeType i = 0; i < 4; ++i)
    EXPECT_EQ(byHour.json["data"][i]["key"].GetInt64(), hours[i]) << i;

  const Reply none = usage("group_by=none", admin);
  EXPECT_EQ(none.text("group_by"), "none");
  EXPECT_EQ(totalRequests(none), 4);
}

TEST_F(UsageApi, AdminMayFilterByAnyUserTeamOrKey) {
  const As admin = As::key(adminKey_);
  EXPECT_EQ(totalRequests(usage("user_id=" + bob_, admin)), 2);
  EXPECT_EQ(totalRequests(usage("team_id=" + research_, admin)), 3);
  EXPECT_EQ(totalRequests(usage("team_id=" + apps_, admin)), 1);
  EXPECT_EQ(totalRequests(usage("key_id=" + bobResearchKey_, admin)), 1);
  const Reply both = usage("team_id=" + research_ + "&user_id=" + bob_, admin);
  EXPECT_EQ(totalRequests(both), 1);
  EXPECT_EQ(both.text("team_id"), research_);
  EXPECT_EQ(both.text("user_id"), bob_);
  // Unknown ids are simply unused: nothing to report.
  EXPECT_EQ(totalRequests(usage("key_id=nope", admin)), 0);
  EXPECT_EQ(totalRequests(usage("user_id=nobody", admin)), 0);
}

TEST_F(UsageApi, HoursCountWhenTheirStartLiesInTheRange) {
  const As admin = As::key(adminKey_);
  const auto range = [](std::int64_t from, std::int64_t to) {
    return "from=" + std::to_string(from) + "&to=" + std::to_string(to);
  };
  EXPECT_EQ(totalRequests(usage(range(march(10, 9), march(10, 10)), admin)), 1);
  EXPECT_EQ(totalRequests(usage(range(march(10, 9), march(10, 10) + 1), admin)), 2);
  EXPECT_EQ(totalRequests(usage(range(march(10, 9, 30), march(10, 10)), admin)), 0); // 09:00 starts before
  EXPECT_EQ(totalRequests(usage(range(kFebruary2025, kMarch2025), admin)), 1);

  // Only `to`: from the start of the month before it.
  const Reply february = usage("to=" + std::to_string(kMarch2025), admin);
  ASSERT_EQ(february.status, 200) << february.body;
  EXPECT_EQ(february.json["from"].GetInt64(), kFebruary2025);
  EXPECT_EQ(totalRequests(february), 1);
  const Reply early = usage("to=" + std::to_string(march(11, 0)), admin);
  ASSERT_EQ(early.status, 200) << early.body;
  EXPECT_EQ(early.json["from"].GetInt64(), kMarch2025);
  EXPECT_EQ(totalRequests(early), 2);
}

TEST_F(UsageApi, MemberWithoutFiltersSeesTheirOwnUsage) {
  for (const As& as : {annKey(), annBrowser()}) {
    const Reply reply = usage("", as);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.text("user_id"), ann_);
    EXPECT_EQ(reply.json["from"].GetInt64(), kMarch2025);
    ASSERT_EQ(reply.json["data"].Size(), 1u);
    const auto& total = reply.json["data"][0];
    EXPECT_EQ(total["requests"].GetInt64(), 2);
    EXPECT_EQ(total["error_requests"].GetInt64(), 1);
    EXPECT_EQ(total["unpriced_requests"].GetInt64(), 1);
    EXPECT_EQ(total["prompt_tokens"].GetInt64(), 150);
    EXPECT_NE(reply.body.find(R"("cost_usd":0.0015,)"), std::string::npos) << reply.body;
  }
  // Grouping does not widen it.
  EXPECT_EQ(requestsByKey(usage("group_by=user", annKey())),
            (std::map<std::string, std::int64_t>{{ann_, 2}}));
  EXPECT_EQ(requestsByKey(usage("group_by=team", As::key(bobSecret_))),
            (std::map<std::string, std::int64_t>{{research_, 1}, {apps_, 1}}));
}

TEST_F(UsageApi, MemberMayAskAboutThemselvesTheirTeamsAndTheirKeys) {
  EXPECT_EQ(totalRequests(usage("user_id=" + ann_, annBrowser())), 2);
  // A team they belong to: the whole team's usage, Bob's research work included.
  const Reply team = usage("team_id=" + research_, annBrowser());
  ASSERT_EQ(totalRequests(team), 3);
  EXPECT_TRUE(team.json["user_id"].IsNull());
  EXPECT_EQ(requestsByKey(usage("team_id=" + research_ + "&group_by=user", annKey())),
            (std::map<std::string, std::int64_t>{{ann_, 2}, {bob_, 1}}));
  EXPECT_EQ(totalRequests(usage("team_id=" + research_ + "&user_id=" + ann_, annKey())), 2);
  EXPECT_EQ(totalRequests(usage("key_id=" + annKey_, annBrowser())), 2);
  EXPECT_EQ(totalRequests(usage("team_id=" + apps_, As::key(bobSecret_))), 1);
  EXPECT_EQ(totalRequests(usage("key_id=" + bobResearchKey_, As::key(bobSecret_))), 1);
}

TEST_F(UsageApi, MemberIsRefusedEveryoneElsesUsage) {
  const auto expectRefused = [this](const std::string& query, const std::string& param) {
    const Reply reply = usage(query, annKey());
    EXPECT_EQ(reply.status, 403) << query << ": " << reply.body;
    EXPECT_EQ(errorType(reply), "permission_error") << query;
    EXPECT_EQ(reply.errorCode(), "usage_not_permitted") << query;
    EXPECT_EQ(reply.errorParam(), param) << query;
    return reply.body;
  };
  expectRefused("user_id=" + bob_, "user_id");
  expectRefused("user_id=" + adminId_ + "&group_by=model", "user_id");
  expectRefused("team_id=" + apps_, "team_id");
  expectRefused("team_id=nope", "team_id");
  expectRefused("user_id=" + ann_ + "&team_id=" + apps_, "team_id");
  expectRefused("team_id=" + research_ + "&user_id=" + bob_, "user_id");
  expectRefused("key_id=" + annKey_ + "&user_id=" + bob_, "user_id");
  // Another member's key and a key that does not exist get the same answer.
  EXPECT_EQ(expectRefused("key_id=" + bobResearchKey_, "key_id"), expectRefused("key_id=nope", "key_id"));
  EXPECT_EQ(usage("key_id=" + bobAppsKey_, annBrowser()).status, 403);
}

TEST_F(UsageApi, CallersWithoutAUserAreRefused) {
  const Reply nobody = usage("", As::nobody());
  EXPECT_EQ(nobody.status, 401) << nobody.body;
  EXPECT_EQ(errorType(nobody), "authentication_error");
  EXPECT_EQ(usage("", As::key("ghk_not-a-real-key")).status, 401);

  // With no authentication configured every caller is anonymous; the admin API stays shut.
  const gateway::Authenticator anonymous;
  const AdminContext open{*store_, keys_, sessions_, &identities_, anonymous, [] { return kNow * 1000; }};
  http::Router openRouter;
  addAdminRoutes(openRouter, open);
  gatehouse::testing::FakeClientRequest client;
  client.methodName = "GET";
  client.pathName = "/admin/usage";
  gatehouse::testing::FakeResponseSink sink;
  const http::RouteMatch match = openRouter.match("GET", "/admin/usage");
  ASSERT_EQ(match.kind, http::RouteMatch::Kind::Found);
  http::IncomingRequest request{client, "", "req-test", store::currentTimeMs(), match.params};
  match.route->handler(request, sink);
  EXPECT_EQ(sink.status, 401);
  EXPECT_NE(sink.body.find("missing_credentials"), std::string::npos) << sink.body;
}

TEST_F(UsageApi, InvalidQueriesAre400sNamingTheParameter) {
  const auto expectInvalid = [this](const std::string& query, const std::string& param,
                                    const std::string& code) {
    const Reply reply = usage(query, As::key(adminKey_));
    EXPECT_EQ(reply.status, 400) << query << ": " << reply.body;
    EXPECT_EQ(errorType(reply), "invalid_request_error") << query;
    EXPECT_EQ(reply.errorParam(), param) << query;
    EXPECT_EQ(reply.errorCode(), code) << query;
  };
  expectInvalid("owner=" + ann_, "owner", "unknown_parameter");
  expectInvalid("from=yesterday", "from", "invalid_value");
  expectInvalid("to=-5", "to", "invalid_value");
  expectInvalid("from=" + std::to_string(kNow) + "&to=" + std::to_string(kNow), "from", "invalid_value");
  expectInvalid("from=" + std::to_string(kNow - 401 * kDay), "from", "invalid_value");
  expectInvalid("group_by=week", "group_by", "invalid_value");
  expectInvalid("group_by=user&group_by=team", "group_by", "invalid_value");
  expectInvalid("user_id=", "user_id", "invalid_value");
  expectInvalid("team_id=a+b", "team_id", "invalid_value");
  expectInvalid("key_id=%00", "", "invalid_query");
  EXPECT_EQ(totalRequests(usage("from=" + std::to_string(kNow - 400 * kDay), As::key(adminKey_))), 5);

  // The query is checked before permissions: a member gets the same 400.
  const Reply member = usage("user_id=" + bob_ + "&group_by=week", annKey());
  EXPECT_EQ(member.status, 400);
  EXPECT_EQ(member.errorParam(), "group_by");
}

TEST_F(UsageApi, CostsAreExactDecimalsOfMicroDollars) {
  const As admin = As::key(adminKey_);
  const Reply bob = usage("key_id=" + bobAppsKey_, admin);
  EXPECT_NE(bob.body.find(R"("cost_usd":2,)"), std::string::npos) << bob.body;
  const Reply research = usage("team_id=" + research_, admin);
  EXPECT_NE(research.body.find(R"("cost_usd":0.023,)"), std::string::npos) << research.body;
  // The failed request alone: unpriced, so nothing is charged.
  const Reply unpriced =
      usage("from=" + std::to_string(march(10, 10)) + "&to=" + std::to_string(march(10, 11)), admin);
  EXPECT_NE(unpriced.body.find(R"("cost_usd":0,)"), std::string::npos) << unpriced.body;
  ASSERT_EQ(totalRequests(unpriced), 1);
  EXPECT_EQ(unpriced.json["data"][0]["unpriced_requests"].GetInt64(), 1);
  const Reply february = usage("to=" + std::to_string(kMarch2025), admin);
  EXPECT_NE(february.body.find(R"("cost_usd":0.000007,)"), std::string::npos) << february.body;
  // Parsed as JSON the cost is a number.
  ASSERT_EQ(totalRequests(research), 3);
  EXPECT_DOUBLE_EQ(research.json["data"][0]["cost_usd"].GetDouble(), 0.023);
}

} // namespace
} // namespace gatehouse::admin::testing
