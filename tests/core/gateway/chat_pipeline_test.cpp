#include <gatehouse/gateway/chat_pipeline.hpp>
#include <gatehouse/gateway/sse_framing.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>
#include <optional>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

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

constexpr std::string_view kChat = R"({"model":"mock-echo","messages":[{"role":"user","content":"hi"}]})";
constexpr std::string_view kStreamChat =
    R"({"model":"mock-echo","messages":[{"role":"user","content":"hi"}],"stream":true})";

class ChatPipelineTest : public ::testing::Test {
protected:
  void SetUp() override {
    ProviderConfig config;
    config.name = "mock";
    config.plugin = "mock";
    config.models = {{"mock-echo", "echo-1", {"alias-echo"}}};
    catalog_.emplace(std::vector<ProviderConfig>{config}, ModelCatalog::ProviderMap{{"mock", provider_}});
  }

  void serve(std::string_view body, const Authenticator& authenticator, UsageSink* usage,
             const Admission* admission = nullptr) {
    const ChatPipeline pipeline(*catalog_, authenticator, usage, admission);
    http::IncomingRequest request{client_, body, "req-42", 1700000000000};
    pipeline.serve(request, sink_);
  }
  void serve(std::string_view body) { serve(body, anonymous_, &usage_); }

  std::shared_ptr<testing::FakeProvider> provider_ = std::make_shared<testing::FakeProvider>("mock");
  std::optional<ModelCatalog> catalog_;
  Authenticator anonymous_;
  RecordingUsageSink usage_;
  testing::FakeClientRequest client_;
  testing::FakeResponseSink sink_;
};

TEST_F(ChatPipelineTest, HandsTheRequestToTheRoutedProvider) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", R"({"object":"chat.completion"})");
    return PluginResult{};
  });
  serve(kChat);
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(sink_.body, R"({"object":"chat.completion"})");
  EXPECT_EQ(provider_->seenModel, "mock-echo");
  EXPECT_EQ(provider_->seenUpstreamModel, "echo-1");
  EXPECT_EQ(provider_->seenRequestId, "req-42");
  EXPECT_EQ(provider_->seenBody, kChat);
  EXPECT_FALSE(provider_->seenStream);
  EXPECT_EQ(provider_->seenEndpoint, GH_ENDPOINT_CHAT_COMPLETIONS);
}

TEST_F(ChatPipelineTest, RoutesAliasesAndTheProviderQualifiedForm) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  serve(R"({"model":"alias-echo","messages":[{"role":"user"}]})");
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(provider_->seenUpstreamModel, "echo-1");
  sink_ = testing::FakeResponseSink{};
  serve(R"({"model":"mock/mock-echo","messages":[{"role":"user"}]})");
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(provider_->seenModel, "mock/mock-echo");
  EXPECT_EQ(provider_->calls, 2);
}

TEST_F(ChatPipelineTest, StreamsAndEndsWithDone) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamEvent(R"({"n":1})");
    exchange.streamEvent(R"({"n":2})");
    return PluginResult{};
  });
  serve(kStreamChat);
  EXPECT_TRUE(provider_->seenStream);
  EXPECT_EQ(sink_.contentType, "text/event-stream");
  EXPECT_EQ(sink_.streamText(), "data: {\"n\":1}\n\ndata: {\"n\":2}\n\n" + std::string(kSseDone));
}

TEST_F(ChatPipelineTest, UnknownModelIs404ModelNotFound) {
  serve(R"({"model":"nope","messages":[{"role":"user"}]})");
  EXPECT_EQ(sink_.status, 404);
  EXPECT_EQ(errorCode(sink_.body), "model_not_found");
  EXPECT_NE(sink_.body.find("\"param\":\"model\""), std::string::npos);
  EXPECT_EQ(provider_->calls, 0);
  EXPECT_TRUE(usage_.events.empty());
}

TEST_F(ChatPipelineTest, InvalidRequestsNeverReachTheProvider) {
  serve(R"({"model":"mock-echo"})");
  EXPECT_EQ(sink_.status, 400);
  EXPECT_EQ(errorCode(sink_.body), "missing_required_parameter");
  sink_ = testing::FakeResponseSink{};
  serve("{not json");
  EXPECT_EQ(sink_.status, 400);
  EXPECT_EQ(errorCode(sink_.body), "invalid_json");
  EXPECT_EQ(provider_->calls, 0);
}

TEST_F(ChatPipelineTest, FailureBeforeAnythingWasSentUsesTheMappedStatusAndMessage) {
  provider_->setBehaviour([](Exchange&) {
    return PluginResult{GH_ERROR_RESOURCE_EXHAUSTED, "quota used up"};
  });
  serve(kChat);
  EXPECT_EQ(sink_.status, 429);
  EXPECT_NE(sink_.body.find("quota used up"), std::string::npos);
  EXPECT_NE(sink_.body.find("rate_limit_error"), std::string::npos);
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_EQ(usage_.events[0].httpStatus, 429);
}

TEST_F(ChatPipelineTest, InternalFailureIsAGeneric500) {
  provider_->setBehaviour([](Exchange&) { return PluginResult{GH_ERROR_INTERNAL, "segfault-ish detail"}; });
  serve(kChat);
  EXPECT_EQ(sink_.status, 500);
  EXPECT_EQ(sink_.body.find("segfault-ish"), std::string::npos);
  EXPECT_NE(sink_.body.find("req-42"), std::string::npos);
}

TEST_F(ChatPipelineTest, ProviderReturningWithoutAnAnswerIs500) {
  serve(kChat);
  EXPECT_EQ(sink_.status, 500);
  EXPECT_EQ(errorCode(sink_.body), "internal_error");
}

TEST_F(ChatPipelineTest, FailureMidStreamSendsAnErrorEventAndNoDone) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamEvent(R"({"n":1})");
    return PluginResult{GH_ERROR_UPSTREAM, "upstream hung up"};
  });
  serve(kStreamChat);
  const std::string text = sink_.streamText();
  EXPECT_EQ(text.rfind("data: {\"n\":1}\n\n", 0), 0u);
  EXPECT_NE(text.find("\"error\""), std::string::npos);
  EXPECT_NE(text.find("upstream hung up"), std::string::npos);
  EXPECT_EQ(text.find("[DONE]"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 2), "\n\n");
}

TEST_F(ChatPipelineTest, ClientGoneMidStreamIsRecordedAs499) {
  sink_.failAfterWrites = 1;
  provider_->setBehaviour([](Exchange& exchange) {
    for (int i = 0; i < 10; ++i) {
      if (exchange.streamEvent("{}") == GH_ERROR_CANCELLED)
        return PluginResult{GH_ERROR_CANCELLED, "gone"};
    }
    return PluginResult{};
  });
  serve(kStreamChat);
  EXPECT_EQ(sink_.written.size(), 1u);
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_EQ(usage_.events[0].httpStatus, 499);
}

TEST_F(ChatPipelineTest, SubmitsAUsageEventDescribingTheRequest) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamEvent("{}");
    exchange.reportUsage(gh_usage{sizeof(gh_usage), 0, 11, 7, 0, 0, 0, 0, 0});
    return PluginResult{};
  });
  AuthOutcome outcome;
  outcome.verdict = GH_AUTH_ACCEPTED;
  outcome.subject = "user:1";
  outcome.team = "t";
  outcome.app = "a";
  outcome.keyId = "k";
  const Authenticator authenticator({{"fixed", [outcome](ClientRequest&) { return outcome; }}});
  serve(kStreamChat, authenticator, &usage_);
  ASSERT_EQ(usage_.events.size(), 1u);
  const UsageEvent& event = usage_.events[0];
  EXPECT_EQ(event.requestId, "req-42");
  EXPECT_EQ(event.subject, "user:1");
  EXPECT_EQ(event.team, "t");
  EXPECT_EQ(event.app, "a");
  EXPECT_EQ(event.keyId, "k");
  EXPECT_EQ(event.provider, "mock");
  EXPECT_EQ(event.model, "mock-echo");
  EXPECT_EQ(event.upstreamModel, "echo-1");
  EXPECT_EQ(event.endpoint, GH_ENDPOINT_CHAT_COMPLETIONS);
  EXPECT_TRUE(event.streamed);
  EXPECT_EQ(event.httpStatus, 200);
  EXPECT_EQ(event.startedAtMs, 1700000000000);
  EXPECT_GE(event.durationMs, 0);
  EXPECT_EQ(event.usage.prompt_tokens, 11);
  EXPECT_EQ(event.usage.completion_tokens, 7);
}

TEST_F(ChatPipelineTest, WorksWithoutAUsageSink) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  serve(kChat, anonymous_, nullptr);
  EXPECT_EQ(sink_.status, 200);
}

TEST_F(ChatPipelineTest, AuthenticationComesFirst) {
  AuthOutcome outcome;
  outcome.verdict = GH_AUTH_DENIED;
  outcome.denyReason = "key expired";
  const Authenticator authenticator({{"deny", [outcome](ClientRequest&) { return outcome; }}});
  serve("{malformed", authenticator, &usage_);
  EXPECT_EQ(sink_.status, 401);
  EXPECT_NE(sink_.body.find("key expired"), std::string::npos);
  EXPECT_EQ(provider_->calls, 0);
  EXPECT_TRUE(usage_.events.empty());
}

TEST_F(ChatPipelineTest, ABillingRefusalAnswersBeforeRoutingAndRecordsNoUsage) {
  std::string seenModel;
  AdmitOutcome refused;
  refused.allowed = false;
  refused.reason = "budget of team t is spent";
  const Admission admission({{"billing", [&seenModel, refused](const Principal&, std::string_view model) {
                                seenModel = std::string(model);
                                return refused;
                              }}});
  // An unknown model would be a 404: the refusal coming first shows admission precedes routing.
  serve(R"({"model":"no-such-model","messages":[{"role":"user"}]})", anonymous_, &usage_, &admission);
  EXPECT_EQ(sink_.status, 403);
  EXPECT_EQ(errorCode(sink_.body), "request_not_admitted");
  EXPECT_NE(sink_.body.find("budget of team t is spent"), std::string::npos) << sink_.body;
  EXPECT_EQ(seenModel, "no-such-model");
  EXPECT_EQ(provider_->calls, 0);
  EXPECT_TRUE(usage_.events.empty());
}

TEST_F(ChatPipelineTest, AnAdmittedRequestIsServed) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  const Admission admission({{"billing", [](const Principal&, std::string_view) { return AdmitOutcome{}; }}});
  serve(kChat, anonymous_, &usage_, &admission);
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(usage_.events.size(), 1u);
}

} // namespace
} // namespace gatehouse::gateway
