// Provider credential pools end to end: a real gatehouse process whose providers hold
// several keys (providers[].credentials), the real provider plugins, and the project's mock
// upstream, whose recorder shows which key each request carried. Checks the weighted
// spread, that a request a key was refused for goes again with another key, that the
// refused key then steps aside, and that no key reaches a log or a client.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "provider_gateway.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kKeyA = "sk-pool-alpha-0123456789abcdef";
constexpr const char* kKeyB = "sk-pool-bravo-0123456789abcdef";
constexpr const char* kRevokedKey = "sk-pool-revoked-0123456789abcdef";

std::string credential(const char* name, const char* variable, int weight) {
  return std::string(R"({"name": ")") + name + R"(", "api_key": "env:)" + variable + R"(", "weight": )" +
         std::to_string(weight) + "}";
}

class CredentialPools : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    ::setenv("GATEHOUSE_IT_POOL_A", kKeyA, 1);
    ::setenv("GATEHOUSE_IT_POOL_B", kKeyB, 1);
    ::setenv("GATEHOUSE_IT_POOL_REVOKED", kRevokedKey, 1);
    open_ = new MockUpstreamProcess(); // any non-empty key is accepted
    MockUpstreamOptions strictOptions;
    strictOptions.expectKeys = {kKeyA}; // every other key is a 401
    strict_ = new MockUpstreamProcess(strictOptions);
    const std::string alpha = credential("alpha", "GATEHOUSE_IT_POOL_A", 1);
    const std::string bravo = credential("bravo", "GATEHOUSE_IT_POOL_B", 1);
    const std::string config = R"({
      "server": {"host": "127.0.0.1", "port": 0, "threads": 8},
      "storage": {"driver": "sqlite", "sqlite": {"path": "gatehouse.db"}},
      "plugins": [{"name": "openai", "path": "libgatehouse_provider_openai.so"},
                  {"name": "anthropic", "path": "libgatehouse_provider_anthropic.so"},
                  {"name": "gemini", "path": "libgatehouse_provider_gemini.so"}],
      "providers": [
        {"name": "spread", "plugin": "openai", "config": {"base_url": ")" +
                               open_->baseUrl() + R"(/v1"},
         "credentials": [)" + credential("heavy", "GATEHOUSE_IT_POOL_A", 3) +
                               ", " + credential("light", "GATEHOUSE_IT_POOL_B", 1) + R"(],
         "models": [{"name": "spread-gpt", "upstream_model": "gpt-4o"}]},
        {"name": "limited", "plugin": "openai", "config": {"base_url": ")" +
                               open_->baseUrl() + R"(/v1"},
         "credentials": [)" + alpha +
                               ", " + bravo + R"(],
         "models": [{"name": "limited-429", "upstream_model": "mock-fail-429+retry-after-30/gpt-4o"},
                    {"name": "limited-ok", "upstream_model": "gpt-4o"}]},
        {"name": "strict", "plugin": "openai", "config": {"base_url": ")" +
                               strict_->baseUrl() + R"(/v1"},
         "credentials": [)" + alpha +
                               ", " + credential("revoked", "GATEHOUSE_IT_POOL_REVOKED", 1) + R"(],
         "models": [{"name": "strict-gpt", "upstream_model": "gpt-4o"}]},
        {"name": "strict-claude", "plugin": "anthropic", "config": {"base_url": ")" +
                               strict_->baseUrl() + R"("},
         "credentials": [)" + alpha +
                               ", " + credential("revoked", "GATEHOUSE_IT_POOL_REVOKED", 1) + R"(],
         "models": [{"name": "strict-claude", "upstream_model": "claude-sonnet-4-20250514"}]},
        {"name": "strict-gemini", "plugin": "gemini", "config": {"base_url": ")" +
                               strict_->baseUrl() + R"("},
         "credentials": [)" + alpha +
                               ", " + credential("revoked", "GATEHOUSE_IT_POOL_REVOKED", 1) + R"(],
         "models": [{"name": "strict-gemini", "upstream_model": "gemini-2.0-flash"}]},
        {"name": "claude", "plugin": "anthropic", "config": {"base_url": ")" +
                               open_->baseUrl() + R"("},
         "credentials": [)" + alpha +
                               ", " + bravo + R"(],
         "models": [{"name": "claude-pooled", "upstream_model": "claude-sonnet-4-20250514"}]},
        {"name": "gemini", "plugin": "gemini", "config": {"base_url": ")" +
                               open_->baseUrl() + R"("},
         "credentials": [)" + alpha +
                               ", " + bravo + R"(],
         "models": [{"name": "gemini-pooled", "upstream_model": "gemini-2.0-flash"}]}]})";
    gateway_ = new GatewayProcess(config, GatewayProcess::serveArgs());
    port_ = gateway_->waitUntilListening();
  }

  static void TearDownTestSuite() {
    delete gateway_;
    delete strict_;
    delete open_;
    gateway_ = nullptr;
    strict_ = open_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(port_, 0) << gateway_->output();
    resetRecorder(open_->port());
    resetRecorder(strict_->port());
  }

  void TearDown() override {
    for (const char* key : {kKeyA, kKeyB, kRevokedKey}) {
      EXPECT_EQ(gateway_->output().find(key), std::string::npos) << "a pooled key reached the log";
    }
  }

  static RawResponse chat(const std::string& model) {
    const RawResponse response = roundTrip(
        port_, buildRequest("POST", "/v1/chat/completions", {{"Content-Type", "application/json"}},
                            R"({"model":")" + model + R"(","messages":[{"role":"user","content":"hi"}]})"));
    for (const char* key : {kKeyA, kKeyB, kRevokedKey}) {
      EXPECT_EQ(response.body.find(key), std::string::npos) << "a pooled key reached a client";
    }
    return response;
  }

  // The key each recorded request carried in `header`, oldest first ("Bearer " dropped).
  static std::vector<std::string> keysSent(std::uint16_t mockPort, const char* header) {
    const rapidjson::Document recorded = recordedRequests(mockPort);
    std::vector<std::string> keys;
    for (const auto& request : recorded["requests"].GetArray()) {
      const auto found = request["headers"].FindMember(header);
      std::string value = found == request["headers"].MemberEnd() ? "" : found->value.GetString();
      if (value.rfind("Bearer ", 0) == 0) {
        value.erase(0, 7);
      }
      keys.push_back(value);
    }
    return keys;
  }

  static std::map<std::string, int> tally(const std::vector<std::string>& keys) {
    std::map<std::string, int> counts;
    for (const auto& key : keys) {
      ++counts[key];
    }
    return counts;
  }

  static MockUpstreamProcess* open_;
  static MockUpstreamProcess* strict_;
  static GatewayProcess* gateway_;
  static std::uint16_t port_;
};

MockUpstreamProcess* CredentialPools::open_ = nullptr;
MockUpstreamProcess* CredentialPools::strict_ = nullptr;
GatewayProcess* CredentialPools::gateway_ = nullptr;
std::uint16_t CredentialPools::port_ = 0;

TEST_F(CredentialPools, RequestsAreSpreadOverTheKeysByWeight) {
  for (int i = 0; i < 12; ++i) {
    ASSERT_EQ(chat("spread-gpt").status, 200);
  }
  // Any 4 consecutive picks of weights 3:1 hold exactly 3 of one and 1 of the other.
  const auto counts = tally(keysSent(open_->port(), "authorization"));
  EXPECT_EQ(counts.at(kKeyA), 9);
  EXPECT_EQ(counts.at(kKeyB), 3);
  EXPECT_EQ(counts.size(), 2u);
}

TEST_F(CredentialPools, WhenEveryKeyIsRateLimitedEachIsTriedOnceAndTheClientGetsThe429) {
  const RawResponse limited = chat("limited-429");
  EXPECT_EQ(limited.status, 429) << limited.body; // the upstream's answer to the last key
  EXPECT_TRUE(parseJsonText(limited.body).HasMember("error")) << limited.body;
  EXPECT_EQ(tally(keysSent(open_->port(), "authorization")),
            (std::map<std::string, int>{{kKeyA, 1}, {kKeyB, 1}}));
  for (const char* name : {"alpha", "bravo"}) {
    EXPECT_TRUE(gateway_->waitForOutput(std::string("provider 'limited': credential '") + name +
                                            "' was refused by the upstream (HTTP 429); resting it for 30 s",
                                        2s))
        << gateway_->output();
  }
}

TEST_F(CredentialPools, ARevokedKeyHandsItsRequestToAnotherKeyThenIsLeftAlone) {
  for (int i = 0; i < 8; ++i) {
    const RawResponse response = chat("strict-gpt");
    EXPECT_EQ(response.status, 200) << i << ": " << response.body;
  }
  // The revoked key's one request was refused (401) and sent again with alpha at once;
  // after that the key rests for a minute.
  const std::vector<std::string> keys = keysSent(strict_->port(), "authorization");
  EXPECT_EQ(tally(keys), (std::map<std::string, int>{{kKeyA, 8}, {kRevokedKey, 1}}));
  EXPECT_TRUE(gateway_->waitForOutput(
      "provider 'strict': credential 'revoked' was refused by the upstream (HTTP 401)", 2s))
      << gateway_->output();
}

TEST_F(CredentialPools, AnthropicHandsARefusedRequestToAnotherKeyInItsOwnHeader) {
  for (int i = 0; i < 4; ++i) {
    const RawResponse response = chat("strict-claude");
    EXPECT_EQ(response.status, 200) << i << ": " << response.body;
  }
  EXPECT_EQ(tally(keysSent(strict_->port(), "x-api-key")),
            (std::map<std::string, int>{{kKeyA, 4}, {kRevokedKey, 1}}));
}

TEST_F(CredentialPools, AGeminiKeyReportedInvalidAsABadRequestFailsOnceThenRests) {
  // Gemini answers an invalid key with HTTP 400 (INVALID_ARGUMENT, reason API_KEY_INVALID),
  // so the request is not sent again with another key; but the plugin answers 401, and
  // that rests the key like an upstream 401 would.
  int refused = 0;
  for (int i = 0; i < 6; ++i) {
    const RawResponse response = chat("strict-gemini");
    if (response.status == 401) {
      ++refused;
      EXPECT_NE(response.body.find("API key not valid"), std::string::npos) << response.body;
    } else {
      EXPECT_EQ(response.status, 200) << response.body;
    }
  }
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(tally(keysSent(strict_->port(), "x-goog-api-key")),
            (std::map<std::string, int>{{kKeyA, 5}, {kRevokedKey, 1}}));
  EXPECT_TRUE(gateway_->waitForOutput(
      "provider 'strict-gemini': credential 'revoked' was refused by the upstream (HTTP 401)", 2s))
      << gateway_->output();
}

TEST_F(CredentialPools, TranslatedProvidersSendThePooledKeysInTheirOwnHeaders) {
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(chat("claude-pooled").status, 200);
  }
  EXPECT_EQ(tally(keysSent(open_->port(), "x-api-key")),
            (std::map<std::string, int>{{kKeyA, 1}, {kKeyB, 1}}));
  resetRecorder(open_->port());
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(chat("gemini-pooled").status, 200);
  }
  EXPECT_EQ(tally(keysSent(open_->port(), "x-goog-api-key")),
            (std::map<std::string, int>{{kKeyA, 1}, {kKeyB, 1}}));
}

TEST(CredentialPoolStartup, AnUnresolvableKeyStopsTheStartNamingProviderAndCredential) {
  ::unsetenv("GATEHOUSE_IT_POOL_MISSING");
  const std::string config = R"({
    "server": {"host": "127.0.0.1", "port": 0},
    "storage": {"driver": "sqlite", "sqlite": {"path": "gatehouse.db"}},
    "plugins": [{"name": "openai", "path": "libgatehouse_provider_openai.so"}],
    "providers": [{"name": "pooled", "plugin": "openai", "config": {"base_url": "http://127.0.0.1:9/v1"},
                   "credentials": [{"name": "ghost", "api_key": "env:GATEHOUSE_IT_POOL_MISSING"}],
                   "models": [{"name": "gpt-4o"}]}]})";
  GatewayProcess gateway(config, GatewayProcess::serveArgs());
  const std::optional<int> exitCode = gateway.waitForExit(20s);
  ASSERT_TRUE(exitCode) << gateway.output();
  EXPECT_NE(*exitCode, 0);
  EXPECT_NE(gateway.output().find("provider 'pooled': credential 'ghost': "), std::string::npos)
      << gateway.output();
  EXPECT_NE(gateway.output().find("GATEHOUSE_IT_POOL_MISSING"), std::string::npos) << gateway.output();
}

} // namespace
} // namespace gatehouse::testing
