#include <gatehouse/gateway/model_pipeline.hpp>
#include <gatehouse/gateway/sse_framing.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>
#include <optional>

#include "fake_provider.hpp"
#include "fake_upstream.hpp"

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

class ModelPipelineTest : public ::testing::Test {
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
    serveOn(GH_ENDPOINT_CHAT_COMPLETIONS, body, authenticator, usage, admission);
  }
  void serve(std::string_view body) { serve(body, anonymous_, &usage_); }
  void serveOn(gh_endpoint endpoint, std::string_view body) { serveOn(endpoint, body, anonymous_, &usage_); }
  void serveOn(gh_endpoint endpoint, std::string_view body, const Authenticator& authenticator,
               UsageSink* usage, const Admission* admission = nullptr) {
    const ModelPipeline pipeline(*catalog_, authenticator, usage, admission);
    http::IncomingRequest request{client_, body, "req-42", 1700000000000};
    pipeline.serve(endpoint, request, sink_);
  }

  std::shared_ptr<testing::FakeProvider> provider_ = std::make_shared<testing::FakeProvider>("mock");
  std::optional<ModelCatalog> catalog_;
  Authenticator anonymous_;
  RecordingUsageSink usage_;
  testing::FakeClientRequest client_;
  testing::FakeResponseSink sink_;
};

TEST_F(ModelPipelineTest, HandsTheRequestToTheRoutedProvider) {
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

TEST_F(ModelPipelineTest, RoutesAliasesAndTheProviderQualifiedForm) {
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

TEST_F(ModelPipelineTest, StreamsAndEndsWithDone) {
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

TEST_F(ModelPipelineTest, UnknownModelIs404ModelNotFound) {
  serve(R"({"model":"nope","messages":[{"role":"user"}]})");
  EXPECT_EQ(sink_.status, 404);
  EXPECT_EQ(errorCode(sink_.body), "model_not_found");
  EXPECT_NE(sink_.body.find("\"param\":\"model\""), std::string::npos);
  EXPECT_EQ(provider_->calls, 0);
  EXPECT_TRUE(usage_.events.empty());
}

TEST_F(ModelPipelineTest, InvalidRequestsNeverReachTheProvider) {
  serve(R"({"model":"mock-echo"})");
  EXPECT_EQ(sink_.status, 400);
  EXPECT_EQ(errorCode(sink_.body), "missing_required_parameter");
  sink_ = testing::FakeResponseSink{};
  serve("{not json");
  EXPECT_EQ(sink_.status, 400);
  EXPECT_EQ(errorCode(sink_.body), "invalid_json");
  EXPECT_EQ(provider_->calls, 0);
}

TEST_F(ModelPipelineTest, FailureBeforeAnythingWasSentUsesTheMappedStatusAndMessage) {
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

TEST_F(ModelPipelineTest, AProvidersAuthenticationFailureRestsThePooledKeyItWasGiven) {
  provider_->setCredentials(std::make_unique<CredentialPool>(
      "mock", std::vector<CredentialPool::Credential>{{"a", "sk-a", 1}, {"b", "sk-b", 1}}));
  std::vector<std::string> keys;
  provider_->setBehaviour([&keys](Exchange& exchange) {
    keys.emplace_back(exchange.credential());
    if (exchange.credential() == "sk-a") {
      return PluginResult{GH_ERROR_UNAUTHENTICATED,
                          "API key not valid"}; // what the upstream said, in its own way
    }
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  for (int i = 0; i < 4; ++i) {
    serve(kChat);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"sk-a", "sk-b", "sk-b", "sk-b"}));
}

TEST_F(ModelPipelineTest, InternalFailureIsAGeneric500) {
  provider_->setBehaviour([](Exchange&) { return PluginResult{GH_ERROR_INTERNAL, "segfault-ish detail"}; });
  serve(kChat);
  EXPECT_EQ(sink_.status, 500);
  EXPECT_EQ(sink_.body.find("segfault-ish"), std::string::npos);
  EXPECT_NE(sink_.body.find("req-42"), std::string::npos);
}

TEST_F(ModelPipelineTest, ProviderReturningWithoutAnAnswerIs500) {
  serve(kChat);
  EXPECT_EQ(sink_.status, 500);
  EXPECT_EQ(errorCode(sink_.body), "internal_error");
}

TEST_F(ModelPipelineTest, FailureMidStreamSendsAnErrorEventAndNoDone) {
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

TEST_F(ModelPipelineTest, ClientGoneMidStreamIsRecordedAs499) {
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

TEST_F(ModelPipelineTest, SubmitsAUsageEventDescribingTheRequest) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamEvent("{}");
    gh_usage usage{};
    usage.struct_size = sizeof(gh_usage);
    usage.prompt_tokens = 11;
    usage.completion_tokens = 7;
    exchange.reportUsage(usage);
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

TEST_F(ModelPipelineTest, WorksWithoutAUsageSink) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  serve(kChat, anonymous_, nullptr);
  EXPECT_EQ(sink_.status, 200);
}

TEST_F(ModelPipelineTest, AuthenticationComesFirst) {
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

TEST_F(ModelPipelineTest, ABillingRefusalAnswersBeforeRoutingAndRecordsNoUsage) {
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

TEST_F(ModelPipelineTest, AnAdmittedRequestIsServed) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  const Admission admission({{"billing", [](const Principal&, std::string_view) { return AdmitOutcome{}; }}});
  serve(kChat, anonymous_, &usage_, &admission);
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(usage_.events.size(), 1u);
}

// --- the other model endpoints ------------------------------------------------------------

constexpr std::string_view kTranscriptionType = "multipart/form-data; boundary=zz";

std::string transcriptionBody(std::string_view model, std::string_view stream = "false") {
  return "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFFdata\r\n"
         "--zz\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" +
         std::string(model) + "\r\n--zz\r\nContent-Disposition: form-data; name=\"stream\"\r\n\r\n" +
         std::string(stream) + "\r\n--zz--\r\n";
}

struct EndpointCase {
  gh_endpoint endpoint;
  std::string body;
};

std::vector<EndpointCase> everyEndpoint() {
  return {
      {GH_ENDPOINT_CHAT_COMPLETIONS, std::string(kChat)},
      {GH_ENDPOINT_EMBEDDINGS, R"({"model":"mock-echo","input":["a","b"]})"},
      {GH_ENDPOINT_IMAGES, R"({"model":"mock-echo","prompt":"a red fox"})"},
      {GH_ENDPOINT_AUDIO_SPEECH, R"({"model":"mock-echo","input":"Hello","voice":"alloy"})"},
      {GH_ENDPOINT_AUDIO_TRANSCRIPTION, transcriptionBody("mock-echo")},
  };
}

TEST_F(ModelPipelineTest, EveryEndpointReachesTheProviderAndIsAccountedUnderItsEndpoint) {
  client_.headers["Content-Type"] = std::string(kTranscriptionType);
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    gh_usage usage{};
    usage.struct_size = sizeof(gh_usage);
    usage.images = exchange.endpoint() == GH_ENDPOINT_IMAGES ? 1 : 0;
    exchange.reportUsage(usage);
    return PluginResult{};
  });
  for (const EndpointCase& c : everyEndpoint()) {
    sink_ = testing::FakeResponseSink{};
    usage_.events.clear();
    serveOn(c.endpoint, c.body);
    EXPECT_EQ(sink_.status, 200) << c.endpoint << ": " << sink_.body;
    EXPECT_EQ(provider_->seenEndpoint, c.endpoint);
    EXPECT_EQ(provider_->seenModel, "mock-echo");
    EXPECT_EQ(provider_->seenUpstreamModel, "echo-1");
    EXPECT_EQ(provider_->seenBody, c.body);
    EXPECT_FALSE(provider_->seenStream);
    ASSERT_EQ(usage_.events.size(), 1u) << c.endpoint;
    EXPECT_EQ(usage_.events[0].endpoint, c.endpoint);
    EXPECT_EQ(usage_.events[0].model, "mock-echo");
    EXPECT_EQ(usage_.events[0].upstreamModel, "echo-1");
    EXPECT_EQ(usage_.events[0].httpStatus, 200);
    EXPECT_FALSE(usage_.events[0].streamed);
    EXPECT_EQ(usage_.events[0].usage.images, c.endpoint == GH_ENDPOINT_IMAGES ? 1 : 0);
  }
  EXPECT_EQ(provider_->calls, 5);
}

TEST_F(ModelPipelineTest, EachEndpointValidatesWithItsOwnRules) {
  client_.headers["Content-Type"] = std::string(kTranscriptionType);
  const std::vector<std::pair<EndpointCase, std::string>> invalid = {
      {{GH_ENDPOINT_EMBEDDINGS, R"({"model":"mock-echo"})"}, "input"},
      {{GH_ENDPOINT_IMAGES, R"({"model":"mock-echo","prompt":7})"}, "prompt"},
      {{GH_ENDPOINT_AUDIO_SPEECH, R"({"model":"mock-echo","input":"x"})"}, "voice"},
      {{GH_ENDPOINT_AUDIO_TRANSCRIPTION,
        "--zz\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nm\r\n--zz--"},
       "file"},
      // A chat body is no embeddings request.
      {{GH_ENDPOINT_EMBEDDINGS, std::string(kChat)}, "input"},
  };
  for (const auto& [c, param] : invalid) {
    sink_ = testing::FakeResponseSink{};
    serveOn(c.endpoint, c.body);
    EXPECT_EQ(sink_.status, 400) << c.body;
    EXPECT_NE(sink_.body.find("\"param\":\"" + param + "\""), std::string::npos) << sink_.body;
  }
  EXPECT_EQ(provider_->calls, 0);
  EXPECT_TRUE(usage_.events.empty());
}

TEST_F(ModelPipelineTest, TranscriptionFormFieldsReachTheProviderAsViewsOfTheBody) {
  client_.headers["Content-Type"] = std::string(kTranscriptionType);
  client_.headers["Authorization"] = "Bearer client-key";
  std::string seenFile, seenType, seenAuthorization = "unset";
  bool fileInsideBody = false;
  provider_->setBehaviour([&](Exchange& exchange) {
    const std::string_view file = exchange.formField("file");
    const std::string_view body = exchange.requestBody();
    fileInsideBody = file.data() >= body.data() && file.data() + file.size() <= body.data() + body.size();
    seenFile = std::string(file);
    seenType = std::string(exchange.requestHeader("content-type"));
    seenAuthorization = std::string(exchange.requestHeader("authorization"));
    exchange.respond(200, "text/plain", "hello");
    return PluginResult{};
  });
  serveOn(GH_ENDPOINT_AUDIO_TRANSCRIPTION, transcriptionBody("alias-echo", "true"));
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(seenFile, "RIFFdata");
  EXPECT_TRUE(fileInsideBody);
  EXPECT_EQ(seenType, kTranscriptionType);
  EXPECT_EQ(seenAuthorization, "");
  EXPECT_TRUE(provider_->seenStream);
  EXPECT_EQ(provider_->seenModel, "alias-echo");
}

TEST_F(ModelPipelineTest, OnlyAChatStreamEndsWithDone) {
  client_.headers["Content-Type"] = std::string(kTranscriptionType);
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamEvent(R"({"type":"transcript.text.delta","delta":"hi"})");
    exchange.streamEvent(R"({"type":"transcript.text.done","text":"hi"})");
    return PluginResult{};
  });
  serveOn(GH_ENDPOINT_AUDIO_TRANSCRIPTION, transcriptionBody("mock-echo", "true"));
  EXPECT_EQ(sink_.contentType, "text/event-stream");
  EXPECT_EQ(sink_.streamText(), "data: {\"type\":\"transcript.text.delta\",\"delta\":\"hi\"}\n\n"
                                "data: {\"type\":\"transcript.text.done\",\"text\":\"hi\"}\n\n");
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_TRUE(usage_.events[0].streamed);
  EXPECT_EQ(usage_.events[0].endpoint, GH_ENDPOINT_AUDIO_TRANSCRIPTION);
}

TEST_F(ModelPipelineTest, ARawStreamEndsNormallyWhenTheProviderSucceeds) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamBegin(200, "audio/mpeg");
    exchange.streamWrite("ID3");
    exchange.streamWrite("frames");
    gh_usage usage{};
    usage.struct_size = sizeof(gh_usage);
    usage.characters = 5;
    exchange.reportUsage(usage);
    return PluginResult{};
  });
  serveOn(GH_ENDPOINT_AUDIO_SPEECH, R"({"model":"mock-echo","input":"Hello","voice":"alloy"})");
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(sink_.contentType, "audio/mpeg");
  EXPECT_EQ(sink_.streamText(), "ID3frames");
  EXPECT_FALSE(sink_.aborted);
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_TRUE(usage_.events[0].streamed);
  EXPECT_EQ(usage_.events[0].endpoint, GH_ENDPOINT_AUDIO_SPEECH);
  EXPECT_EQ(usage_.events[0].httpStatus, 200);
  EXPECT_EQ(usage_.events[0].usage.characters, 5);
}

TEST_F(ModelPipelineTest, ARawStreamIsCutOffWhenTheProviderFailsMidway) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamBegin(200, "audio/mpeg");
    exchange.streamWrite("ID3");
    return PluginResult{GH_ERROR_UPSTREAM, "upstream closed the connection mid-body"};
  });
  serveOn(GH_ENDPOINT_AUDIO_SPEECH, R"({"model":"mock-echo","input":"Hello","voice":"alloy"})");
  EXPECT_TRUE(sink_.aborted);
  EXPECT_EQ(sink_.streamText(), "ID3"); // no error text smuggled into the audio
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_TRUE(usage_.events[0].streamed);
}

TEST_F(ModelPipelineTest, ARawStreamIsCutOffWhenTheProviderGivesUp) {
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamBegin(200, "audio/mpeg");
    return PluginResult{GH_ERROR_CANCELLED, "stopped"};
  });
  serveOn(GH_ENDPOINT_AUDIO_SPEECH, R"({"model":"mock-echo","input":"Hello","voice":"alloy"})");
  EXPECT_TRUE(sink_.aborted);
}

TEST_F(ModelPipelineTest, AClientGoneMidRawStreamIsRecordedAs499) {
  sink_.failAfterWrites = 1;
  provider_->setBehaviour([](Exchange& exchange) {
    exchange.streamBegin(200, "audio/mpeg");
    for (int i = 0; i < 5; ++i) {
      if (exchange.streamWrite("chunk") == GH_ERROR_CANCELLED)
        return PluginResult{GH_ERROR_CANCELLED, "client gone"};
    }
    return PluginResult{};
  });
  serveOn(GH_ENDPOINT_AUDIO_SPEECH, R"({"model":"mock-echo","input":"Hello","voice":"alloy"})");
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_EQ(usage_.events[0].httpStatus, 499);
}

TEST_F(ModelPipelineTest, UpstreamTimeoutBeforeAnswering504) {
  provider_->setBehaviour([](Exchange&) {
    return PluginResult{GH_ERROR_UPSTREAM_TIMEOUT, "no response from api.example:443 within 600000 ms"};
  });
  serve(kChat);
  EXPECT_EQ(sink_.status, 504);
  EXPECT_EQ(errorCode(sink_.body), "upstream_timeout");
  EXPECT_NE(sink_.body.find("api.example:443"), std::string::npos);
}

TEST_F(ModelPipelineTest, ClosesTheUpstreamsTheProviderLeftOpenBeforeAccounting) {
  auto upstream = std::make_shared<testing::FakeUpstreamClient>();
  provider_->setUpstream(upstream);
  int destroyedWhenAccounted = -1;
  class CountingSink final : public UsageSink {
  public:
    CountingSink(std::shared_ptr<int> destroyed, int& seen) : destroyed_(std::move(destroyed)), seen_(seen) {}
    void submit(UsageEvent) noexcept override { seen_ = *destroyed_; }

  private:
    std::shared_ptr<int> destroyed_;
    int& seen_;
  } counting(upstream->destroyed, destroyedWhenAccounted);
  provider_->setBehaviour([](Exchange& exchange) {
    for (int i = 0; i < 2; ++i) {
      std::unique_ptr<UpstreamResponse> response;
      UpstreamFailure failure;
      if (exchange.sendUpstream(UpstreamRequest{"POST", "https://u/", {}, {}}, response, failure) != GH_OK)
        return PluginResult{failure.status, failure.message};
      exchange.upstreams.adopt(std::move(response)); // as upstream_send does, and never closed
    }
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  serve(kChat, anonymous_, &counting);
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(upstream->sentRequests.size(), 2u);
  EXPECT_EQ(destroyedWhenAccounted, 2);
}

TEST_F(ModelPipelineTest, RoutesAProviderQualifiedUpstreamModelOfAListingProvider) {
  ProviderConfig listing;
  listing.name = "up";
  listing.plugin = "openai";
  listing.listUpstreamModels = true;
  auto upProvider = std::make_shared<testing::FakeProvider>("up", [](Exchange& exchange) {
    exchange.respond(200, "application/json", "{}");
    return PluginResult{};
  });
  ProviderConfig mock;
  mock.name = "mock";
  mock.models = {{"mock-echo", "echo-1", {}}};
  catalog_.emplace(std::vector<ProviderConfig>{mock, listing},
                   ModelCatalog::ProviderMap{{"mock", provider_}, {"up", upProvider}});
  serve(R"({"model":"up/gpt-4o-2024-08-06","messages":[{"role":"user"}]})");
  EXPECT_EQ(sink_.status, 200);
  EXPECT_EQ(upProvider->seenModel, "up/gpt-4o-2024-08-06");
  EXPECT_EQ(upProvider->seenUpstreamModel, "gpt-4o-2024-08-06");
  ASSERT_EQ(usage_.events.size(), 1u);
  EXPECT_EQ(usage_.events[0].provider, "up");
  EXPECT_EQ(usage_.events[0].model, "up/gpt-4o-2024-08-06");
  EXPECT_EQ(usage_.events[0].upstreamModel, "gpt-4o-2024-08-06");
}

} // namespace
} // namespace gatehouse::gateway
