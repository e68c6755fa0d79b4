// Real gatehouse processes that require gatehouse API keys (the api_key auth plugin) in front
// of the mock provider, sharing one SQLite file in a test-owned directory, so a test can
// bootstrap an admin key with `gatehouse admin create-key`, run one or two gateways on the
// same store and read the file afterwards.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse/testing/temp_dir.hpp>
#include <gatehouse_test/raw_http_client.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../gateway_process.hpp"

namespace gatehouse::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct KeyGatewayConfig {
  std::string sqlitePath;      // absolute: every gateway of a test shares it
  int keyRefreshMs = 200;      // how soon a key change on another node holds
  int maxFailedAuth = 1000;    // failed_auth.max_failures
  int failedAuthWindowSeconds = 60;

  std::string json() const;
};

inline rapidjson::Document parseBody(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  return document;
}

// Asserts the OpenAI error shape with this status (and code, when given); returns the message.
std::string expectOpenAiError(const RawResponse& response, int status, const std::string& code = "");

// A JSON member as text whatever its JSON type (ids may be numbers or strings).
std::string memberText(const rapidjson::Value& object, const char* name);

// Lowercase hex SHA-256, the way the gateway stores key hashes.
std::string sha256Hex(const std::string& text);

// Every byte of a file ("" when it does not exist).
std::string fileBytes(const std::string& path);

// A chat request on a fresh connection from `sourceAddress` (another loopback address, so a
// test can be two clients). Returns the response.
RawResponse chatFrom(const std::string& sourceAddress, std::uint16_t port, const Headers& headers);

std::string chatBody(const std::string& model = "mock-echo", const std::string& text = "hello gateway");

class KeyGateway {
public:
  explicit KeyGateway(const KeyGatewayConfig& config);

  std::uint16_t port() const { return port_; }
  GatewayProcess& process() { return *process_; }

  RawResponse request(const std::string& method, const std::string& path, const std::string& key,
                      const std::string& body = "", Headers headers = {}) const;
  RawResponse chat(const std::string& key, const std::string& model = "mock-echo",
                   const std::string& text = "hello gateway") const;

private:
  std::unique_ptr<GatewayProcess> process_;
  std::uint16_t port_ = 0;
};

// `gatehouse admin create-key --name NAME --config FILE`: the exit code and what it printed.
struct CliResult {
  int exitCode = -1;
  std::string out;
  std::string all; // stdout and stderr
};
CliResult runCreateKey(const KeyGatewayConfig& config, const std::string& name);

// A fixture: a store with a bootstrapped admin key and one gateway serving it.
class KeyGatewayTest : public ::testing::Test {
protected:
  void SetUp() override;

  // POST /admin/keys as the admin; returns {id, key} after asserting a 201.
  std::pair<std::string, std::string> createKey(const std::string& body);

  TempDir dir_{"gatehouse-auth-it"};
  KeyGatewayConfig config_;
  std::string adminKey_;
  std::unique_ptr<KeyGateway> gateway_;
};

} // namespace gatehouse::testing
