#include "key_gateway.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/sha.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace gatehouse::testing {

using namespace std::chrono_literals;

std::string KeyGatewayConfig::json() const {
  return R"({
  "log_level": "info",
  "server": {"host": "127.0.0.1", "port": 0, "threads": 8},
  "storage": {"driver": "sqlite", "sqlite": {"path": ")" +
         sqlitePath + R"("}},
  "auth": {"key_refresh_ms": )" +
         std::to_string(keyRefreshMs) + R"(,
           "failed_auth": {"max_failures": )" +
         std::to_string(maxFailedAuth) + R"(, "window_seconds": )" + std::to_string(failedAuthWindowSeconds) +
         R"(}},
  "plugins": [{"name": "api_key", "path": "libgatehouse_auth_api_key.so"},
              {"name": "mock", "path": "libgatehouse_provider_mock.so"}],
  "providers": [{"name": "mock", "plugin": "mock", "config": {"chunks": 3},
                 "models": [{"name": "mock-echo", "upstream_model": "echo-1", "aliases": ["gpt-4o-mock"]},
                            {"name": "other-echo", "upstream_model": "echo-2"}]}]
})";
}

std::string expectOpenAiError(const RawResponse& response, int status, const std::string& code) {
  EXPECT_EQ(response.status, status) << response.body;
  const rapidjson::Document document = parseBody(response.body);
  if (!document.IsObject() || !document.HasMember("error") || !document["error"].IsObject()) {
    ADD_FAILURE() << "not an OpenAI error: " << response.body;
    return "";
  }
  const auto& error = document["error"];
  for (const char* member : {"message", "type", "param", "code"}) {
    EXPECT_TRUE(error.HasMember(member)) << member << " missing in " << response.body;
  }
  if (!code.empty()) {
    EXPECT_TRUE(error["code"].IsString() && error["code"].GetString() == code) << response.body;
  }
  return error.HasMember("message") && error["message"].IsString() ? error["message"].GetString() : "";
}

std::string memberText(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject() || !object.HasMember(name))
    return "";
  const auto& value = object[name];
  if (value.IsString())
    return value.GetString();
  if (value.IsInt64())
    return std::to_string(value.GetInt64());
  if (value.IsUint64())
    return std::to_string(value.GetUint64());
  return "";
}

std::string sha256Hex(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0f];
  }
  return hex;
}

std::string fileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string chatBody(const std::string& model, const std::string& text) {
  return R"({"model":")" + model + R"(","messages":[{"role":"user","content":")" + text + R"("}]})";
}

namespace {

// The status, headers and body of a "Connection: close" response read to the end. Only
// for small, non-chunked answers (errors and short completions).
RawResponse parseClosedResponse(const std::string& raw) {
  RawResponse response;
  const auto headEnd = raw.find("\r\n\r\n");
  if (raw.compare(0, 9, "HTTP/1.1 ") != 0 || headEnd == std::string::npos)
    return response;
  response.status = std::stoi(raw.substr(9, 3));
  std::istringstream head(raw.substr(0, headEnd));
  std::string line;
  std::getline(head, line);
  while (std::getline(head, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos)
      continue;
    std::string name = line.substr(0, colon);
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (!value.empty() && value.back() == '\r')
      value.pop_back();
    response.headers[name] = value;
  }
  response.body = raw.substr(headEnd + 4);
  return response;
}

} // namespace

RawResponse chatFrom(const std::string& sourceAddress, std::uint16_t port, const Headers& headers) {
  Headers all = headers;
  all.emplace_back("Content-Type", "application/json");
  all.emplace_back("Connection", "close");
  const std::string request = buildRequest("POST", "/v1/chat/completions", all, chatBody());

  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    throw std::runtime_error("socket failed");
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in source{};
  source.sin_family = AF_INET;
  ::inet_pton(AF_INET, sourceAddress.c_str(), &source.sin_addr);
  sockaddr_in target{};
  target.sin_family = AF_INET;
  target.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &target.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect from " + sourceAddress);
  }
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string raw;
  char block[4096];
  for (ssize_t got; (got = ::recv(fd, block, sizeof block, 0)) > 0;)
    raw.append(block, static_cast<std::size_t>(got));
  ::close(fd);
  return parseClosedResponse(raw);
}

KeyGateway::KeyGateway(const KeyGatewayConfig& config)
    : process_(std::make_unique<GatewayProcess>(config.json(), GatewayProcess::serveArgs())) {
  port_ = process_->waitUntilListening();
}

RawResponse KeyGateway::request(const std::string& method, const std::string& path, const std::string& key,
                                const std::string& body, Headers headers) const {
  if (!key.empty())
    headers.emplace_back("Authorization", "Bearer " + key);
  if (!body.empty())
    headers.emplace_back("Content-Type", "application/json");
  return roundTrip(port_, buildRequest(method, path, headers, body));
}

RawResponse KeyGateway::chat(const std::string& key, const std::string& model, const std::string& text) const {
  return request("POST", "/v1/chat/completions", key, chatBody(model, text));
}

CliResult runCreateKey(const KeyGatewayConfig& config, const std::string& name) {
  GatewayProcess cli(config.json(), {"admin", "create-key", "--name", name, "--config", "{config}"});
  CliResult result;
  result.exitCode = cli.waitForExit(30s).value_or(-1);
  result.out = cli.stdoutText();
  result.all = cli.output();
  return result;
}

void KeyGatewayTest::SetUp() {
  config_.sqlitePath = dir_.file("gatehouse.db");
  const CliResult bootstrap = runCreateKey(config_, "bootstrap");
  ASSERT_EQ(bootstrap.exitCode, 0) << bootstrap.all;
  adminKey_ = bootstrap.out;
  while (!adminKey_.empty() && (adminKey_.back() == '\n' || adminKey_.back() == '\r'))
    adminKey_.pop_back();
  ASSERT_EQ(adminKey_.rfind("ghk_", 0), 0u) << bootstrap.all;
  gateway_ = std::make_unique<KeyGateway>(config_);
  ASSERT_NE(gateway_->port(), 0) << gateway_->process().output();
}

std::pair<std::string, std::string> KeyGatewayTest::createKey(const std::string& body) {
  const RawResponse response = gateway_->request("POST", "/admin/keys", adminKey_, body);
  EXPECT_EQ(response.status, 201) << response.body;
  const rapidjson::Document document = parseBody(response.body);
  return {memberText(document, "id"), memberText(document, "key")};
}

} // namespace gatehouse::testing
