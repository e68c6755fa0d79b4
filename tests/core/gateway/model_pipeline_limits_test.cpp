// The model pipeline with a principal's scopes and rate limits: where they are checked,
// what the client sees, and what never reaches the provider.
#include <gatehouse/gateway/model_pipeline.hpp>
#include <gatehouse/gateway/sse_framing.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>
#include <optional>
#include <string>

#include "fake_clock.hpp"
#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

using namespace std::chrono_literals;

class RecordingUsageSink final : public UsageSink {
public:
  void submit(UsageEvent event) noexcept override { events.push_back(std::move(event)); }
  std::vector<UsageEvent> events;
};

std::string errorCode(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str());
  if (!document.IsObject() || !document.HasMember("error") || !document["error"]["code"].IsString())
    return "<none>";
  return document["error"]["code"].GetString();
}

std::string chatFor(const std::string& model, bool stream = false) {
  return R"({"model":")" + model + R"(","messages":[{"role":"user","content":"hi"}])" +
         (stream ? R"(,"stream":true})" : "}");
}

class PipelineLimits : public ::testing::Test {
protected:
  void SetUp() override {
    ProviderConfig config;
    config.name = "mock";
    config.models = {{"gpt-4o", "gpt-4o-2024-08-06", {"fast"}}, {"claude-opus", "", {}}};
    catalog_.emplace(std::vector<ProviderConfig>{config}, ModelCatalog::ProviderMap{{"mock", provider_}});
    principal_.verdict = GH_AUTH_ACCEPTED;
    principal_.subject = "user-1";
    principal_.keyId = "key-1";
    provider_->setBehaviour([this](Exchange& exchange) {
      gh_usage usage{};
      usage.struct_size = sizeof(gh_usage);
      usage.prompt_tokens = promptTokens_;
      usage.completion_tokens = completionTokens_;
      exchange.reportUsage(usage);
      if (exchange.wantsStream()) {
        exchange.streamEvent(R"({"n":1})");
        return PluginResult{};
      }
      exchange.respond(200, "application/json", "{}");
      return PluginResult{};
    });
  }

  // Serves one request as principal_ on a fresh response; the limiter persists.
  testing::FakeResponseSink& serve(gh_endpoint endpoint, const std::string& body) {
    const Authenticator authenticator({{"fixed", [this](ClientRequest&) { return principal_; }}});
    const ModelPipeline pipeline(*catalog_, authenticator, &usage_, nullptr, &limiter_);
    testing::FakeClientRequest client;
    http::IncomingRequest request{client, body, "req-1", 0};
    sink_ = testing::FakeResponseSink{};
    pipeline.serve(endpoint, request, sink_);
    return sink_;
  }
  testing::FakeResponseSink& chat(const std::string& model, bool stream = false) {
    return serve(GH_ENDPOINT_CHAT_COMPLETIONS, chatFor(model, stream));
  }

  std::shared_ptr<testing::FakeProvider> provider_ = std::make_shared<testing::FakeProvider>("mock");
  std::optional<ModelCatalog> catalog_;
  AuthOutcome principal_;
  testing::FakeClock clock_;
  RateLimiter limiter_{clock_.function()};
  RecordingUsageSink usage_;
  testing::FakeResponseSink sink_;
  std::int64_t promptTokens_ = 10;
  std::int64_t completionTokens_ = 5;
};

// --- scopes ------------------------------------------------------------------------------

TEST_F(PipelineLimits, AModelOutsideTheScopesIs403AndNeverReachesTheProvider) {
  principal_.scopes = "model:claude-*";
  const auto& sink = chat("gpt-4o");
  EXPECT_EQ(sink.status, 403);
  EXPECT_EQ(errorCode(sink.body), "model_not_allowed");
  EXPECT_NE(sink.body.find("permission_error"), std::string::npos);
  EXPECT_NE(sink.body.find("gpt-4o"), std::string::npos);
  EXPECT_EQ(sink.body.find("claude-*"), std::string::npos) << "the scopes are not revealed";
  EXPECT_EQ(provider_->calls, 0);
  EXPECT_TRUE(usage_.events.empty());
  EXPECT_EQ(chat("claude-opus").status, 200);
}

TEST_F(PipelineLimits, GlobScopesMatchThePublicName) {
  principal_.scopes = "model:gpt-4o*";
  EXPECT_EQ(chat("gpt-4o").status, 200);
  EXPECT_EQ(chat("claude-opus").status, 403);
}

TEST_F(PipelineLimits, AnAliasIsCheckedAsTheNameTheClientSent) {
  principal_.scopes = "model:fast";
  EXPECT_EQ(chat("fast").status, 200);
  EXPECT_EQ(provider_->seenUpstreamModel, "gpt-4o-2024-08-06");
  EXPECT_EQ(chat("gpt-4o").status, 403); // the same model under a name the scopes do not cover
  principal_.scopes = "model:gpt-4o";
  EXPECT_EQ(chat("fast").status, 403);
}

TEST_F(PipelineLimits, AnUnknownModelOutsideTheScopesIsAlso403) {
  principal_.scopes = "model:gpt-4o";
  EXPECT_EQ(errorCode(chat("secret-model").body), "model_not_allowed"); // no hint whether it exists
  principal_.scopes = "model:secret-*";
  EXPECT_EQ(errorCode(chat("secret-model").body), "model_not_found");
}

TEST_F(PipelineLimits, AnEndpointOutsideTheScopesIs403BeforeTheBodyIsRead) {
  principal_.scopes = "endpoint:chat";
  const auto& sink = serve(GH_ENDPOINT_EMBEDDINGS, "{not json");
  EXPECT_EQ(sink.status, 403);
  EXPECT_EQ(errorCode(sink.body), "endpoint_not_allowed");
  EXPECT_NE(sink.body.find("embeddings"), std::string::npos);
  EXPECT_EQ(serve(GH_ENDPOINT_EMBEDDINGS, R"({"model":"gpt-4o","input":"x"})").status, 403);
  EXPECT_EQ(chat("gpt-4o").status, 200);
  EXPECT_EQ(provider_->calls, 1);
}

TEST_F(PipelineLimits, ModelAndEndpointScopesCombine) {
  principal_.scopes = "endpoint:embeddings model:gpt-4o";
  EXPECT_EQ(serve(GH_ENDPOINT_EMBEDDINGS, R"({"model":"gpt-4o","input":"x"})").status, 200);
  EXPECT_EQ(serve(GH_ENDPOINT_EMBEDDINGS, R"({"model":"claude-opus","input":"x"})").status, 403);
  EXPECT_EQ(chat("gpt-4o").status, 403);
}

TEST_F(PipelineLimits, NoScopesAllowEveryModelAndEndpoint) {
  EXPECT_EQ(chat("gpt-4o").status, 200);
  EXPECT_EQ(chat("claude-opus").status, 200);
  EXPECT_EQ(serve(GH_ENDPOINT_EMBEDDINGS, R"({"model":"fast","input":"x"})").status, 200);
}

// --- rate limits -------------------------------------------------------------------------

TEST_F(PipelineLimits, ABurstOfTheLimitIsServedThenA429WithRetryAfter) {
  principal_.requestsPerMinute = 3;
  for (int i = 0; i < 3; ++i) {
    const auto& sink = chat("gpt-4o");
    ASSERT_EQ(sink.status, 200) << i;
    EXPECT_EQ(sink.headers.at("x-ratelimit-limit-requests"), "3");
    EXPECT_EQ(sink.headers.at("x-ratelimit-remaining-requests"), std::to_string(2 - i));
  }
  const auto& refused = chat("gpt-4o");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(errorCode(refused.body), "rate_limit_exceeded");
  EXPECT_NE(refused.body.find("rate_limit_error"), std::string::npos);
  EXPECT_NE(refused.body.find("requests per minute"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.headers.at("Retry-After"), "20");
  EXPECT_EQ(refused.headers.at("x-ratelimit-remaining-requests"), "0");
  EXPECT_EQ(refused.headers.at("x-ratelimit-reset-requests"), "1m0s");
  EXPECT_EQ(provider_->calls, 3);
  EXPECT_EQ(usage_.events.size(), 3u); // the refusal is not accounted
}

TEST_F(PipelineLimits, RemainingDecreasesAndResetGrows) {
  principal_.requestsPerMinute = 60;
  chat("gpt-4o");
  EXPECT_EQ(sink_.headers.at("x-ratelimit-remaining-requests"), "59");
  EXPECT_EQ(sink_.headers.at("x-ratelimit-reset-requests"), "1s");
  chat("gpt-4o");
  EXPECT_EQ(sink_.headers.at("x-ratelimit-remaining-requests"), "58");
  EXPECT_EQ(sink_.headers.at("x-ratelimit-reset-requests"), "2s");
  clock_.advance(1500ms);
  chat("gpt-4o");
  EXPECT_EQ(sink_.headers.at("x-ratelimit-remaining-requests"), "58");
  EXPECT_EQ(sink_.headers.at("x-ratelimit-reset-requests"), "1.5s");
}

TEST_F(PipelineLimits, TheWindowSlidesOnTheInjectedClock) {
  principal_.requestsPerMinute = 2;
  chat("gpt-4o");
  chat("gpt-4o");
  EXPECT_EQ(chat("gpt-4o").status, 429);
  clock_.advance(29s);
  EXPECT_EQ(chat("gpt-4o").status, 429);
  EXPECT_EQ(sink_.headers.at("Retry-After"), "1");
  clock_.advance(1s);
  EXPECT_EQ(chat("gpt-4o").status, 200);
}

TEST_F(PipelineLimits, StreamedResponsesCarryTheHeadersToo) {
  principal_.requestsPerMinute = 10;
  principal_.tokensPerMinute = 1000;
  const auto& sink = chat("gpt-4o", true);
  EXPECT_EQ(sink.contentType, "text/event-stream");
  EXPECT_EQ(sink.streamText(), "data: {\"n\":1}\n\n" + std::string(kSseDone));
  EXPECT_EQ(sink.headers.at("x-ratelimit-remaining-requests"), "9");
  EXPECT_EQ(sink.headers.at("x-ratelimit-limit-tokens"), "1000");
  EXPECT_EQ(sink.headers.at("x-ratelimit-remaining-tokens"), "1000");
  EXPECT_EQ(chat("gpt-4o", true).headers.at("x-ratelimit-remaining-tokens"), "985"); // 10 + 5 counted
}

TEST_F(PipelineLimits, ALargeUsageExhaustsTheTokensPerMinute) {
  principal_.tokensPerMinute = 1000;
  promptTokens_ = 800;
  completionTokens_ = 700;
  EXPECT_EQ(chat("gpt-4o").status, 200); // admitted: nothing used yet
  const auto& refused = chat("gpt-4o");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(errorCode(refused.body), "rate_limit_exceeded");
  EXPECT_NE(refused.body.find("tokens per minute"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.headers.at("x-ratelimit-remaining-tokens"), "0");
  EXPECT_EQ(refused.headers.at("Retry-After"), "60");
  EXPECT_EQ(refused.headers.count("x-ratelimit-limit-requests"), 0u); // no requests limit
  EXPECT_EQ(provider_->calls, 1);
  clock_.advance(60s);
  EXPECT_EQ(chat("gpt-4o").status, 200);
}

TEST_F(PipelineLimits, FailedRequestsStillCountTheirTokens) {
  principal_.tokensPerMinute = 100;
  provider_->setBehaviour([](Exchange& exchange) {
    gh_usage usage{};
    usage.struct_size = sizeof(gh_usage);
    usage.prompt_tokens = 150;
    exchange.reportUsage(usage);
    return PluginResult{GH_ERROR_UPSTREAM, "upstream hung up"};
  });
  EXPECT_EQ(chat("gpt-4o").status, 502);
  EXPECT_EQ(chat("gpt-4o").status, 429);
}

TEST_F(PipelineLimits, OtherRefusalsStillCarryTheHeaders) {
  principal_.requestsPerMinute = 5;
  const auto& unknown = chat("no-such-model");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.headers.at("x-ratelimit-remaining-requests"), "4");
}

TEST_F(PipelineLimits, ScopeRefusalsDoNotUseTheAllowance) {
  principal_.requestsPerMinute = 1;
  principal_.scopes = "model:gpt-4o";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(chat("claude-opus").status, 403);
  EXPECT_EQ(chat("gpt-4o").status, 200);
}

TEST_F(PipelineLimits, AnUnlimitedPrincipalGetsNoRateLimitHeaders) {
  const auto& sink = chat("gpt-4o");
  EXPECT_EQ(sink.status, 200);
  for (const auto& [name, value] : sink.headers)
    EXPECT_EQ(name.rfind("x-ratelimit", 0), std::string::npos) << name;
}

TEST_F(PipelineLimits, WithoutAGivenLimiterThePipelineLimitsOnItsOwn) {
  principal_.requestsPerMinute = 1;
  const Authenticator authenticator({{"fixed", [this](ClientRequest&) { return principal_; }}});
  const ModelPipeline pipeline(*catalog_, authenticator, &usage_);
  testing::FakeClientRequest client;
  const std::string body = chatFor("gpt-4o");
  http::IncomingRequest request{client, body, "req-1", 0};
  testing::FakeResponseSink first;
  pipeline.serve(GH_ENDPOINT_CHAT_COMPLETIONS, request, first);
  testing::FakeResponseSink second;
  pipeline.serve(GH_ENDPOINT_CHAT_COMPLETIONS, request, second);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(second.status, 429);
}

} // namespace
} // namespace gatehouse::gateway
