// The anthropic and gemini provider plugins end to end: an OpenAI-format client request
// goes through a real gatehouse process, the plugin translates it into the provider's own
// wire format for the project's mock upstream, and translates the answer back. Each test
// checks both sides: what the upstream received and what the client got.
#include <gtest/gtest.h>

#include <cstdlib>

#include "provider_gateway.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kAnthropicKey = "sk-ant-company-integration-0123456789";
constexpr const char* kGeminiKey = "AIzaCompanyIntegrationKey0123456789";

class TranslatedProviders : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    ::setenv("GATEHOUSE_IT_ANTHROPIC_KEY", kAnthropicKey, 1);
    ::setenv("GATEHOUSE_IT_GEMINI_KEY", kGeminiKey, 1);
    MockUpstreamOptions options;
    options.expectKeys = {std::string("anthropic=") + kAnthropicKey, std::string("gemini=") + kGeminiKey};
    mock_ = new MockUpstreamProcess(options);
    const std::string config = R"({
      "server": {"host": "127.0.0.1", "port": 0, "threads": 16},
      "storage": {"driver": "sqlite", "sqlite": {"path": "gatehouse.db"}},
      "plugins": [{"name": "anthropic", "path": "libgatehouse_provider_anthropic.so"},
                  {"name": "gemini", "path": "libgatehouse_provider_gemini.so"}],
      "providers": [
        {"name": "anthropic", "plugin": "anthropic", "list_upstream_models": true,
         "config": {"base_url": ")" + mock_->baseUrl() + R"(", "api_key": "env:GATEHOUSE_IT_ANTHROPIC_KEY"},
         "models": [{"name": "claude-sonnet-4", "upstream_model": "claude-sonnet-4-20250514"}]},
        {"name": "gemini", "plugin": "gemini", "list_upstream_models": true,
         "config": {"base_url": ")" + mock_->baseUrl() + R"(", "api_key": "env:GATEHOUSE_IT_GEMINI_KEY"},
         "models": [{"name": "gemini-2.0-flash"}, {"name": "text-embedding-004"}]}]})";
    gateway_ = new GatewayProcess(config, GatewayProcess::serveArgs());
    port_ = gateway_->waitUntilListening();
  }

  static void TearDownTestSuite() {
    delete gateway_;
    delete mock_;
    gateway_ = nullptr;
    mock_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(port_, 0) << gateway_->output();
    resetRecorder(mock_->port());
  }

  void TearDown() override {
    for (const char* key : {kAnthropicKey, kGeminiKey}) {
      EXPECT_EQ(gateway_->output().find(key), std::string::npos) << "a provider key reached the log";
    }
  }

  static RawResponse post(const std::string& path, const std::string& body, const std::string& requestId = {}) {
    std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"}};
    if (!requestId.empty()) {
      headers.emplace_back("X-Request-Id", requestId);
    }
    const RawResponse response = roundTrip(port_, buildRequest("POST", path, headers, body));
    for (const char* key : {kAnthropicKey, kGeminiKey}) {
      EXPECT_EQ(response.body.find(key), std::string::npos) << "a provider key reached a client";
    }
    return response;
  }

  static UpstreamRequestRecord lastUpstream() {
    auto record = lastUpstreamRequest(mock_->port());
    EXPECT_TRUE(record) << "the upstream received nothing";
    return record ? std::move(*record) : UpstreamRequestRecord{};
  }

  static std::optional<StoredUsageRow> usageOf(const std::string& requestId) {
    return waitForUsageRow(gateway_->workDir() + "/gatehouse.db", requestId, 5s);
  }

  // The assistant text of a whole (non-streamed) answer, or of a stream's deltas.
  static std::string answerText(const RawResponse& response) {
    const auto answer = parseJsonText(response.body);
    if (answer.IsObject() && answer.HasMember("choices")) {
      const auto& content = answer["choices"][0]["message"]["content"];
      return content.IsString() ? content.GetString() : "";
    }
    std::string text;
    for (const std::string& event : sseData(response.body)) {
      const auto chunk = parseJsonText(event);
      if (!chunk.IsObject() || !chunk.HasMember("choices") || chunk["choices"].Empty()) continue;
      const auto& delta = chunk["choices"][0]["delta"];
      if (delta.HasMember("content") && delta["content"].IsString()) text += delta["content"].GetString();
    }
    return text;
  }

  static MockUpstreamProcess* mock_;
  static GatewayProcess* gateway_;
  static std::uint16_t port_;
};

MockUpstreamProcess* TranslatedProviders::mock_ = nullptr;
GatewayProcess* TranslatedProviders::gateway_ = nullptr;
std::uint16_t TranslatedProviders::port_ = 0;

const std::string kToolRequest =
    R"("tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",)"
    R"("parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],)"
    R"("tool_choice":"required")";

TEST_F(TranslatedProviders, ClaudeChatBecomesAMessagesRequest) {
  const RawResponse response = post("/v1/chat/completions",
                                    R"({"model":"claude-sonnet-4","messages":[)"
                                    R"({"role":"system","content":"Be brief."},)"
                                    R"({"role":"user","content":"first"},{"role":"user","content":"second"}],)"
                                    R"("temperature":0.3,"stop":["END"]})",
                                    "it-claude-chat");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto answer = parseJsonText(response.body);
  EXPECT_STREQ(answer["object"].GetString(), "chat.completion");
  EXPECT_STREQ(answer["model"].GetString(), "claude-sonnet-4");
  EXPECT_STREQ(answer["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_NE(answerText(response).find("second"), std::string::npos) << response.body;

  const UpstreamRequestRecord upstream = lastUpstream();
  EXPECT_EQ(upstream.target, "/v1/messages");
  EXPECT_EQ(upstream.header("x-api-key"), kAnthropicKey);
  EXPECT_FALSE(upstream.header("anthropic-version").empty());
  const auto sent = parseJsonText(upstream.body);
  EXPECT_STREQ(sent["model"].GetString(), "claude-sonnet-4-20250514");
  EXPECT_TRUE(sent.HasMember("system")) << upstream.body;
  EXPECT_TRUE(sent["max_tokens"].IsInt()) << "a default max_tokens must be sent: " << upstream.body;
  ASSERT_EQ(sent["messages"].Size(), 1u) << "consecutive user turns must merge: " << upstream.body;
  EXPECT_STREQ(sent["stop_sequences"][0].GetString(), "END");

  const auto usage = usageOf("it-claude-chat");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->provider, "anthropic");
  EXPECT_EQ(usage->promptTokens, answer["usage"]["prompt_tokens"].GetInt64());
  EXPECT_GT(usage->completionTokens, 0);
}

TEST_F(TranslatedProviders, GeminiChatBecomesAGenerateContentRequest) {
  const RawResponse response = post("/v1/chat/completions",
                                    R"({"model":"gemini-2.0-flash","messages":[)"
                                    R"({"role":"system","content":"Be brief."},{"role":"user","content":"hi gemini"}],)"
                                    R"("max_tokens":64,"temperature":0.2})",
                                    "it-gemini-chat");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(answerText(response), "Echo: hi gemini");
  const UpstreamRequestRecord upstream = lastUpstream();
  EXPECT_EQ(upstream.target, "/v1beta/models/gemini-2.0-flash:generateContent");
  EXPECT_EQ(upstream.header("x-goog-api-key"), kGeminiKey);
  const auto sent = parseJsonText(upstream.body);
  EXPECT_TRUE(sent.HasMember("systemInstruction") || sent.HasMember("system_instruction")) << upstream.body;
  const auto& generation = sent.HasMember("generationConfig") ? sent["generationConfig"] : sent["generation_config"];
  EXPECT_EQ(generation["maxOutputTokens"].GetInt(), 64) << upstream.body;
  const auto usage = usageOf("it-gemini-chat");
  ASSERT_TRUE(usage);
  EXPECT_EQ(usage->provider, "gemini");
  EXPECT_GT(usage->promptTokens, 0);
}

class BothProviders : public TranslatedProviders, public ::testing::WithParamInterface<std::string> {};

TEST_P(BothProviders, StreamTranslatesToOpenAiChunksWithUsage) {
  const RawResponse response =
      post("/v1/chat/completions", R"({"model":")" + GetParam() +
                                       R"(","stream":true,"stream_options":{"include_usage":true},)"
                                       R"("messages":[{"role":"user","content":"one two three"}]})");
  ASSERT_EQ(response.status, 200) << response.body;
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events.back(), "[DONE]");
  EXPECT_EQ(answerText(response), "Echo: one two three");
  const auto usageChunk = parseJsonText(events[events.size() - 2]);
  ASSERT_TRUE(usageChunk.HasMember("usage")) << events[events.size() - 2];
  EXPECT_GT(usageChunk["usage"]["completion_tokens"].GetInt(), 0);
}

TEST_P(BothProviders, ForcedToolCallComesBackAsOpenAiToolCalls) {
  const RawResponse response =
      post("/v1/chat/completions", R"({"model":")" + GetParam() +
                                       R"(","messages":[{"role":"user","content":"Oslo"}],)" + kToolRequest + "}");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto answer = parseJsonText(response.body);
  const auto& choice = answer["choices"][0];
  EXPECT_STREQ(choice["finish_reason"].GetString(), "tool_calls");
  const auto& call = choice["message"]["tool_calls"][0];
  EXPECT_STREQ(call["function"]["name"].GetString(), "get_weather");
  EXPECT_STREQ(parseJsonText(call["function"]["arguments"].GetString())["city"].GetString(), "Oslo");
}

TEST_P(BothProviders, StreamedToolCallArgumentsReassemble) {
  const RawResponse response =
      post("/v1/chat/completions", R"({"model":")" + GetParam() +
                                       R"(","stream":true,"messages":[{"role":"user","content":"Bergen"}],)" +
                                       kToolRequest + "}");
  ASSERT_EQ(response.status, 200) << response.body;
  std::string name;
  std::string arguments;
  for (const std::string& event : sseData(response.body)) {
    const auto chunk = parseJsonText(event);
    if (!chunk.IsObject() || !chunk.HasMember("choices") || chunk["choices"].Empty()) continue;
    const auto& delta = chunk["choices"][0]["delta"];
    if (!delta.HasMember("tool_calls")) continue;
    for (const auto& call : delta["tool_calls"].GetArray()) {
      EXPECT_EQ(call["index"].GetInt(), 0);
      if (call.HasMember("function") && call["function"].HasMember("name")) name += call["function"]["name"].GetString();
      if (call.HasMember("function") && call["function"].HasMember("arguments"))
        arguments += call["function"]["arguments"].GetString();
    }
  }
  EXPECT_EQ(name, "get_weather");
  EXPECT_STREQ(parseJsonText(arguments)["city"].GetString(), "Bergen") << arguments;
}

TEST_P(BothProviders, ImagePartsAreTranslated) {
  const std::string png =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  const RawResponse response = post(
      "/v1/chat/completions",
      R"({"model":")" + GetParam() +
          R"(","messages":[{"role":"user","content":[{"type":"text","text":"what is this"},)"
          R"({"type":"image_url","image_url":{"url":"data:image/png;base64,)" + png + R"("}}]}]})");
  ASSERT_EQ(response.status, 200) << response.body;
  const UpstreamRequestRecord upstream = lastUpstream();
  EXPECT_NE(upstream.body.find(png), std::string::npos) << "the image data did not reach the upstream";
  EXPECT_NE(upstream.body.find("image/png"), std::string::npos) << upstream.body;
}

TEST_P(BothProviders, UpstreamRateLimitIsA429AndOverloadIsA503) {
  const std::string provider = GetParam() == "claude-sonnet-4" ? "anthropic" : "gemini";
  const std::string model = GetParam() == "claude-sonnet-4" ? "claude-sonnet-4-20250514" : "gemini-2.0-flash";
  const std::string overloaded = provider == "anthropic" ? "529" : "503";
  const RawResponse limited = post("/v1/chat/completions", R"({"model":")" + provider + "/mock-fail-429/" + model +
                                                                R"(","messages":[{"role":"user","content":"x"}]})");
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_TRUE(parseJsonText(limited.body).HasMember("error")) << limited.body;
  const RawResponse busy = post("/v1/chat/completions", R"({"model":")" + provider + "/mock-fail-" + overloaded + "/" +
                                                             model + R"(","messages":[{"role":"user","content":"x"}]})");
  EXPECT_EQ(busy.status, 503) << busy.body;
}

TEST_P(BothProviders, MidStreamErrorEndsTheStreamWithAnErrorEvent) {
  const std::string provider = GetParam() == "claude-sonnet-4" ? "anthropic" : "gemini";
  const std::string model = GetParam() == "claude-sonnet-4" ? "claude-sonnet-4-20250514" : "gemini-2.0-flash";
  const RawResponse response =
      post("/v1/chat/completions", R"({"model":")" + provider + "/mock-midstream-error/" + model +
                                       R"(","stream":true,"messages":[{"role":"user","content":"one two three four"}]})");
  ASSERT_EQ(response.status, 200) << response.body;
  const std::vector<std::string> events = sseData(response.body);
  ASSERT_FALSE(events.empty());
  EXPECT_TRUE(parseJsonText(events.back()).HasMember("error")) << events.back();
}

INSTANTIATE_TEST_SUITE_P(Models, BothProviders, ::testing::Values("claude-sonnet-4", "gemini-2.0-flash"),
                         [](const ::testing::TestParamInfo<std::string>& testInfo) {
                           return testInfo.param == "claude-sonnet-4" ? std::string("Claude") : std::string("Gemini");
                         });

TEST_F(TranslatedProviders, GeminiEmbeddingsBatchTheInputs) {
  const RawResponse response = post("/v1/embeddings",
                                    R"({"model":"text-embedding-004","input":["alpha","beta","gamma"]})");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto answer = parseJsonText(response.body);
  ASSERT_EQ(answer["data"].Size(), 3u) << response.body;
  EXPECT_EQ(answer["data"][2]["index"].GetInt(), 2);
  EXPECT_GT(answer["data"][0]["embedding"].Size(), 0u);
  const UpstreamRequestRecord upstream = lastUpstream();
  EXPECT_EQ(upstream.target, "/v1beta/models/text-embedding-004:batchEmbedContents");
  EXPECT_EQ(parseJsonText(upstream.body)["requests"].Size(), 3u) << upstream.body;
}

TEST_F(TranslatedProviders, ClaudeCachedTokensReachTheUsage) {
  // 400 bytes of prompt are 100 tokens at the mock's rate, 40 of them read from the cache.
  const RawResponse response = post("/v1/chat/completions",
                                    R"({"model":"anthropic/mock-cached-40/claude-sonnet-4-20250514",)"
                                    R"("messages":[{"role":"user","content":")" + std::string(400, 'c') + R"("}]})");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto answer = parseJsonText(response.body);
  EXPECT_EQ(answer["usage"]["prompt_tokens_details"]["cached_tokens"].GetInt(), 40) << response.body;
  EXPECT_GE(answer["usage"]["prompt_tokens"].GetInt(), 100) << response.body;
}

} // namespace
} // namespace gatehouse::testing
