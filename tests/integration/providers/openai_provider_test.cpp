// The openai provider plugin end to end: a real gatehouse process, the real plugin, the
// host's upstream I/O, and the project's mock upstream over HTTP and HTTPS. Each test
// checks what the client got, and where it matters what the upstream received and what
// the gateway recorded.
#include <gatehouse/testing/free_port.hpp>
#include <gatehouse/testing/test_certs.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

#include "provider_gateway.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kCompanyKey = "sk-company-integration-0123456789abcdef";
constexpr const char* kKeyVariable = "GATEHOUSE_IT_OPENAI_KEY";

std::string providersJson(const MockUpstreamProcess& plain, const MockUpstreamProcess& tls,
                          std::uint16_t closedPort) {
  const std::string key = std::string(R"("api_key": "env:)") + kKeyVariable + R"(")";
  return R"([
    {"name": "openai", "plugin": "openai", "list_upstream_models": true,
     "config": {"base_url": ")" + plain.baseUrl() + R"(/v1", )" + key + R"(},
     "models": [
       {"name": "gpt-4o", "upstream_model": "gpt-4o-2024-08-06", "aliases": ["company-default"]},
       {"name": "text-embedding-3-small"},
       {"name": "dall-e-3"},
       {"name": "tts-1"},
       {"name": "whisper", "upstream_model": "whisper-1"}]},
    {"name": "azure", "plugin": "openai",
     "config": {"flavor": "azure", "base_url": ")" + plain.baseUrl() + R"(", "api_version": "2024-10-21", )" +
         key + R"(},
     "models": [{"name": "azure-gpt-4o", "upstream_model": "prod-gpt4o"}]},
    {"name": "secure", "plugin": "openai",
     "config": {"base_url": ")" + tls.baseUrl() + R"(/v1", )" + key + R"(},
     "upstream": {"ca_file": ")" + TestCerts::caFile() + R"("},
     "models": [{"name": "gpt-4o-tls", "upstream_model": "gpt-4o"}]},
    {"name": "untrusted", "plugin": "openai",
     "config": {"base_url": ")" + tls.baseUrl() + R"(/v1", )" + key + R"(},
     "models": [{"name": "gpt-4o-untrusted", "upstream_model": "gpt-4o"}]},
    {"name": "down", "plugin": "openai",
     "config": {"base_url": "http://127.0.0.1:)" + std::to_string(closedPort) + R"(/v1", )" + key + R"(},
     "models": [{"name": "gpt-4o-down", "upstream_model": "gpt-4o"}]}
  ])";
}

class OpenAiProvider : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    ::setenv(kKeyVariable, kCompanyKey, 1);
    MockUpstreamOptions plainOptions;
    plainOptions.expectKeys = {std::string("openai=") + kCompanyKey, std::string("azure=") + kCompanyKey};
    plain_ = new MockUpstreamProcess(plainOptions);
    MockUpstreamOptions tlsOptions;
    tlsOptions.tls = true;
    tls_ = new MockUpstreamProcess(tlsOptions);
    const std::string config = R"({
      "log_level": "info",
      "server": {"host": "127.0.0.1", "port": 0, "threads": 16, "max_body_bytes": 8388608},
      "storage": {"driver": "sqlite", "sqlite": {"path": "gatehouse.db"}},
      "upstream": {"connect_timeout_ms": 2000, "first_byte_timeout_ms": 1500, "idle_timeout_ms": 1500},
      "plugins": [{"name": "openai", "path": "libgatehouse_provider_openai.so"}],
      "providers": )" + providersJson(*plain_, *tls_, pickFreeLoopbackPort()) +
                               "}";
    gateway_ = new GatewayProcess(config, GatewayProcess::serveArgs());
    port_ = gateway_->waitUntilListening();
  }

  static void TearDownTestSuite() {
    delete gateway_;
    delete tls_;
    delete plain_;
    gateway_ = nullptr;
    tls_ = plain_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(port_, 0) << gateway_->output();
    resetRecorder(plain_->port());
  }

  void TearDown() override {
    EXPECT_EQ(gateway_->output().find(kCompanyKey), std::string::npos) << "the company key reached the log";
  }

  static RawResponse post(const std::string& path, const std::string& body, const std::string& requestId = {},
                          const std::string& contentType = "application/json") {
    std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", contentType}};
    if (!requestId.empty()) {
      headers.emplace_back("X-Request-Id", requestId);
    }
    const RawResponse response = roundTrip(port_, buildRequest("POST", path, headers, body));
    EXPECT_EQ(response.body.find(kCompanyKey), std::string::npos) << "the company key reached a client";
    return response;
  }

  static RawResponse chat(const std::string& model, const std::string& extra = {},
                          const std::string& requestId = {}) {
    return post("/v1/chat/completions",
                R"({"model":")" + model + R"(","messages":[{"role":"user","content":"hello upstream"}])" + extra +
                    "}",
                requestId);
  }

  static std::optional<StoredUsageRow> usageOf(const std::string& requestId) {
    return waitForUsageRow(gateway_->workDir() + "/gatehouse.db", requestId, 5s);
  }

  static void expectError(const RawResponse& response, int status, const std::string& type) {
    EXPECT_EQ(response.status, status) << response.body;
    const auto document = parseJsonText(response.body);
    ASSERT_TRUE(document.IsObject() && document.HasMember("error")) << response.body;
    ASSERT_TRUE(document["error"]["type"].IsString()) << response.body;
    if (!type.empty()) {
      EXPECT_EQ(std::string(document["error"]["type"].GetString()), type) << response.body;
    }
    EXPECT_TRUE(document["error"]["message"].IsString()) << response.body;
  }

  static MockUpstreamProcess* plain_;
  static MockUpstreamProcess* tls_;
  static GatewayProcess* gateway_;
  static std::uint16_t port_;
};

MockUpstreamProcess* OpenAiProvider::plain_ = nullptr;
MockUpstreamProcess* OpenAiProvider::tls_ = nullptr;
GatewayProcess* OpenAiProvider::gateway_ = nullptr;
std::uint16_t OpenAiProvider::port_ = 0;

TEST_F(OpenAiProvider, ChatIsPassedThroughWithTheCompanyKeyAndTheMappedModel) {
  const RawResponse response =
      chat("gpt-4o",
           R"(,"temperature":0.5,"seed":11,"n":2,"logprobs":false,"response_format":{"type":"text"},)"
           R"("tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}],)"
           R"("tool_choice":"none")",
           "it-openai-chat");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto answer = parseJsonText(response.body);
  ASSERT_EQ(answer["choices"].Size(), 2u) << response.body;
  EXPECT_STREQ(answer["choices"][0]["message"]["content"].GetString(), "Echo: hello upstream");

  const auto upstream = lastUpstreamRequest(plain_->port());
  ASSERT_TRUE(upstream);
  EXPECT_EQ(upstream->target, "/v1/chat/completions");
  EXPECT_EQ(upstream->header("authorization"), std::string("Bearer ") + kCompanyKey);
  const auto sent = parseJsonText(upstream->body);
  EXPECT_STREQ(sent["model"].GetString(), "gpt-4o-2024-08-06");
  EXPECT_EQ(sent["temperature"].GetDouble(), 0.5);
  EXPECT_EQ(sent["seed"].GetInt(), 11);
  EXPECT_EQ(sent["n"].GetInt(), 2);
  EXPECT_STREQ(sent["tool_choice"].GetString(), "none");
  EXPECT_STREQ(sent["tools"][0]["function"]["name"].GetString(), "lookup");
  EXPECT_STREQ(sent["response_format"]["type"].GetString(), "text");

  const auto usage = usageOf("it-openai-chat");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->httpStatus, 200);
  EXPECT_EQ(usage->provider, "openai");
  EXPECT_EQ(usage->upstreamModel, "gpt-4o-2024-08-06");
  EXPECT_EQ(usage->promptTokens, answer["usage"]["prompt_tokens"].GetInt64());
  EXPECT_EQ(usage->completionTokens, answer["usage"]["completion_tokens"].GetInt64());
}

TEST_F(OpenAiProvider, StreamEndsWithDoneAndHidesTheUsageChunkTheClientDidNotAskFor) {
  const RawResponse response = chat("gpt-4o", R"(,"stream":true)", "it-openai-stream");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type").rfind("text/event-stream", 0), 0u);
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events.back(), "[DONE]");
  std::string text;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    const auto chunk = parseJsonText(events[i]);
    ASSERT_TRUE(chunk.IsObject()) << events[i];
    ASSERT_GT(chunk["choices"].Size(), 0u) << "usage-only chunk forwarded: " << events[i];
    const auto& delta = chunk["choices"][0]["delta"];
    if (delta.HasMember("content") && delta["content"].IsString()) {
      text += delta["content"].GetString();
    }
  }
  EXPECT_EQ(text, "Echo: hello upstream");
  const auto sent = parseJsonText(lastUpstreamRequest(plain_->port())->body);
  EXPECT_TRUE(sent["stream_options"]["include_usage"].GetBool());
  const auto usage = usageOf("it-openai-stream");
  ASSERT_TRUE(usage);
  EXPECT_TRUE(usage->streamed);
  EXPECT_GT(usage->completionTokens, 0);
}

TEST_F(OpenAiProvider, StreamKeepsTheUsageChunkWhenTheClientAskedForIt) {
  const RawResponse response = chat("gpt-4o", R"(,"stream":true,"stream_options":{"include_usage":true})");
  ASSERT_EQ(response.status, 200) << response.body;
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_GE(events.size(), 2u);
  const auto usageChunk = parseJsonText(events[events.size() - 2]);
  EXPECT_EQ(usageChunk["choices"].Size(), 0u) << events[events.size() - 2];
  EXPECT_GT(usageChunk["usage"]["completion_tokens"].GetInt(), 0);
}

TEST_F(OpenAiProvider, StreamEventsReachTheClientAsTheyArrive) {
  RawConnection connection(port_, 10s);
  const std::string body =
      R"({"model":"openai/mock-drip-400+chunks-4/gpt-4o","stream":true,"messages":[{"role":"user","content":"x"}]})";
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(connection.send(buildRequest("POST", "/v1/chat/completions",
                                           {{"Content-Type", "application/json"}}, body)));
  const RawResponse head = connection.readHead();
  ASSERT_EQ(head.status, 200);
  ASSERT_TRUE(connection.readChunk());
  const auto firstEvent = std::chrono::steady_clock::now() - started;
  while (connection.readChunk()) {
  }
  const auto whole = std::chrono::steady_clock::now() - started;
  // Six events 400 ms apart: buffering the stream would deliver the first with the last.
  EXPECT_LT(firstEvent, 1200ms);
  EXPECT_GE(whole, 1600ms);
}

TEST_F(OpenAiProvider, ClientLeavingMidStreamEndsTheRequestPromptly) {
  RawConnection connection(port_, 10s);
  const std::string body =
      R"({"model":"openai/mock-drip-50+chunks-400/gpt-4o","stream":true,"messages":[{"role":"user","content":"x"}]})";
  ASSERT_TRUE(connection.send(buildRequest("POST", "/v1/chat/completions",
                                           {{"Content-Type", "application/json"}, {"X-Request-Id", "it-leave"}},
                                           body)));
  ASSERT_EQ(connection.readHead().status, 200);
  ASSERT_TRUE(connection.readChunk());
  ASSERT_TRUE(connection.readChunk());
  connection.close();
  // The upstream stream would run 20 s; the request must be over (and recorded) long before.
  const auto usage = usageOf("it-leave");
  ASSERT_TRUE(usage) << "the request was still running 5 s after the client left";
  EXPECT_NE(usage->httpStatus, 200);
}

TEST_F(OpenAiProvider, EmbeddingsReportPromptTokens) {
  const RawResponse response = post("/v1/embeddings",
                                    R"({"model":"text-embedding-3-small","input":["a b c","d e f"],"dimensions":4})",
                                    "it-embeddings");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto answer = parseJsonText(response.body);
  ASSERT_EQ(answer["data"].Size(), 2u);
  EXPECT_EQ(answer["data"][0]["embedding"].Size(), 4u);
  EXPECT_STREQ(parseJsonText(lastUpstreamRequest(plain_->port())->body)["model"].GetString(),
               "text-embedding-3-small");
  const auto usage = usageOf("it-embeddings");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->promptTokens, answer["usage"]["prompt_tokens"].GetInt64());
  EXPECT_GT(usage->promptTokens, 0);
}

TEST_F(OpenAiProvider, ImagesReportTheImageCount) {
  const RawResponse response =
      post("/v1/images/generations", R"({"model":"dall-e-3","prompt":"a red kite","size":"1024x1024"})",
           "it-images");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(parseJsonText(response.body)["data"].Size(), 1u);
  const auto usage = usageOf("it-images");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->images, 1);
}

TEST_F(OpenAiProvider, SpeechStreamsAudioThrough) {
  const std::string input = "Hello from the gateway.";
  const RawResponse response = post(
      "/v1/audio/speech", R"({"model":"tts-1","input":")" + input + R"(","voice":"alloy"})", "it-speech");
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 200);
  EXPECT_EQ(response.header("content-type"), "audio/mpeg");
  EXPECT_TRUE(response.chunked);
  ASSERT_GT(response.body.size(), 1000u);
  EXPECT_EQ(static_cast<unsigned char>(response.body[0]), 0xFF); // an MPEG frame sync
  const auto usage = usageOf("it-speech");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->characters, static_cast<std::int64_t>(input.size()));
}

TEST_F(OpenAiProvider, TranscriptionForwardsTheUploadWithOnlyTheModelReplaced) {
  const std::string boundary = "gatehouse-it-boundary";
  const std::string audio(48000, 'a'); // 3 s at the mock's 16000 bytes a second
  const std::string body = "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n"
                           "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.mp3\"\r\n"
                           "Content-Type: audio/mpeg\r\n\r\n" + audio + "\r\n--" + boundary + "--\r\n";
  const RawResponse response = post("/v1/audio/transcriptions", body, "it-transcription",
                                    "multipart/form-data; boundary=" + boundary);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_NE(response.body.find("Transcribed talk.mp3 (48000 bytes)"), std::string::npos) << response.body;
  const auto upstream = lastUpstreamRequest(plain_->port());
  ASSERT_TRUE(upstream);
  EXPECT_EQ(upstream->target, "/v1/audio/transcriptions");
  EXPECT_NE(upstream->body.find("name=\"model\"\r\n\r\nwhisper-1\r\n"), std::string::npos);
  EXPECT_NE(upstream->body.find(audio), std::string::npos);
  EXPECT_EQ(upstream->header("content-type"), "multipart/form-data; boundary=" + boundary);
  const auto usage = usageOf("it-transcription");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->audioMs, 3000);
}

TEST_F(OpenAiProvider, ModelsListConfiguredAndUpstreamModels) {
  const RawResponse response = roundTrip(port_, buildRequest("GET", "/v1/models"));
  ASSERT_EQ(response.status, 200) << response.body;
  const auto list = parseJsonText(response.body);
  bool configured = false;
  bool fromUpstream = false;
  for (const auto& model : list["data"].GetArray()) {
    const std::string id = model["id"].GetString();
    configured = configured || id == "company-default";
    fromUpstream = fromUpstream || (id.rfind("openai/", 0) == 0 && std::string(model["owned_by"].GetString()) == "openai");
  }
  EXPECT_TRUE(configured) << response.body;
  EXPECT_TRUE(fromUpstream) << response.body;
}

TEST_F(OpenAiProvider, AzureUsesDeploymentUrlsAndTheApiKeyHeader) {
  const RawResponse response = chat("azure-gpt-4o");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto upstream = lastUpstreamRequest(plain_->port());
  ASSERT_TRUE(upstream);
  EXPECT_EQ(upstream->target, "/openai/deployments/prod-gpt4o/chat/completions?api-version=2024-10-21");
  EXPECT_EQ(upstream->header("api-key"), kCompanyKey);
  EXPECT_EQ(upstream->header("authorization"), "");
}

TEST_F(OpenAiProvider, TlsUpstreamWithTheConfiguredCa) {
  const RawResponse response = chat("gpt-4o-tls");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_STREQ(parseJsonText(response.body)["choices"][0]["message"]["content"].GetString(),
               "Echo: hello upstream");
}

TEST_F(OpenAiProvider, TlsUpstreamWithAnUntrustedCertificateIsRefused) {
  const RawResponse response = chat("gpt-4o-untrusted");
  expectError(response, 502, {});
  EXPECT_NE(response.body.find("127.0.0.1:" + std::to_string(tls_->port())), std::string::npos) << response.body;
}

// Upstream error types are the provider's own (OpenAI's 429 is type "requests"), so only
// the status is pinned here; the plugin's unit tests pin the rest.
struct UpstreamFailureCase {
  std::string scenario;
  int status;
};

class OpenAiUpstreamFailures : public OpenAiProvider, public ::testing::WithParamInterface<UpstreamFailureCase> {};

TEST_P(OpenAiUpstreamFailures, ReachTheClientInTheOpenAiShape) {
  const UpstreamFailureCase& failure = GetParam();
  const RawResponse response = chat("openai/mock-" + failure.scenario + "/gpt-4o");
  expectError(response, failure.status, {});
  // The gateway keeps serving.
  EXPECT_EQ(chat("gpt-4o").status, 200);
}

INSTANTIATE_TEST_SUITE_P(
    Statuses, OpenAiUpstreamFailures,
    ::testing::Values(UpstreamFailureCase{"fail-400", 400},
                      UpstreamFailureCase{"fail-401", 401},
                      UpstreamFailureCase{"fail-403", 403},
                      UpstreamFailureCase{"fail-404", 404},
                      UpstreamFailureCase{"fail-429", 429},
                      UpstreamFailureCase{"fail-500", 502},
                      UpstreamFailureCase{"fail-503", 503},
                      UpstreamFailureCase{"stall-4000", 504},
                      UpstreamFailureCase{"slow-body-2500", 504},
                      UpstreamFailureCase{"cut-20", 502},
                      UpstreamFailureCase{"reset", 502}),
    [](const ::testing::TestParamInfo<UpstreamFailureCase>& testInfo) {
      std::string name = testInfo.param.scenario;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

TEST_F(OpenAiProvider, UnreachableUpstreamIsA502NamingTheHost) {
  const RawResponse response = chat("gpt-4o-down");
  expectError(response, 502, {});
  EXPECT_NE(response.body.find("127.0.0.1:"), std::string::npos) << response.body;
}

TEST_F(OpenAiProvider, MidStreamUpstreamErrorEndsTheStreamWithAnErrorEvent) {
  const RawResponse response = chat("openai/mock-midstream-error+chunks-6/gpt-4o", R"(,"stream":true)");
  ASSERT_EQ(response.status, 200);
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_FALSE(events.empty());
  EXPECT_NE(events.back(), "[DONE]");
  EXPECT_TRUE(parseJsonText(events.back()).HasMember("error")) << events.back();
}

TEST_F(OpenAiProvider, StreamCutByTheUpstreamEndsWithAnErrorEvent) {
  const RawResponse response = chat("openai/mock-cut-3+chunks-8/gpt-4o", R"(,"stream":true)");
  ASSERT_EQ(response.status, 200);
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_FALSE(events.empty());
  EXPECT_TRUE(parseJsonText(events.back()).HasMember("error")) << events.back();
}

TEST_F(OpenAiProvider, InvalidRequestsNeverReachTheUpstream) {
  expectError(post("/v1/embeddings", R"({"model":"text-embedding-3-small"})"), 400, "invalid_request_error");
  expectError(post("/v1/images/generations", R"({"model":"dall-e-3","prompt":7})"), 400, "invalid_request_error");
  expectError(post("/v1/audio/speech", R"({"model":"tts-1","input":"x"})"), 400, "invalid_request_error");
  expectError(post("/v1/audio/transcriptions", "--x--\r\n", {}, "multipart/form-data; boundary=x"), 400,
              "invalid_request_error");
  const auto recorded = recordedRequests(plain_->port());
  EXPECT_EQ(recorded["requests"].Size(), 0u);
}

} // namespace
} // namespace gatehouse::testing
