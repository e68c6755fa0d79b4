// A test fixture with a freshly started gateway (mock provider) and request helpers.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/raw_http_client.hpp>
#include <memory>
#include <string>

#include "gateway_process.hpp"

namespace gatehouse::testing {

inline std::string chatBody(const std::string& model = "mock-echo", const std::string& extra = "",
                            const std::string& text = "hello gateway") {
  return R"({"model":")" + model + R"(","messages":[{"role":"user","content":")" + text + R"("}])" + extra +
         "}";
}

inline rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  return document;
}

// Asserts an OpenAI-shaped error with this status and code, carrying an x-request-id.
inline void expectApiError(const RawResponse& response, int status, const std::string& code) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_FALSE(response.header("x-request-id").empty());
  const auto document = parseJson(response.body);
  ASSERT_TRUE(document.IsObject()) << response.body;
  ASSERT_TRUE(document.HasMember("error")) << response.body;
  const auto& error = document["error"];
  for (const char* member : {"message", "type", "param", "code"}) {
    EXPECT_TRUE(error.HasMember(member)) << member << " missing in " << response.body;
  }
  ASSERT_TRUE(error["code"].IsString()) << response.body;
  EXPECT_EQ(std::string(error["code"].GetString()), code) << response.body;
}

class RunningGateway : public ::testing::Test {
protected:
  // Tests that need other settings change config_ in their constructor.
  void SetUp() override {
    gateway_ = std::make_unique<GatewayProcess>(config_.json(), GatewayProcess::serveArgs());
    port_ = gateway_->waitUntilListening();
    ASSERT_NE(port_, 0) << gateway_->output();
  }

  RawResponse get(const std::string& path,
                  const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return roundTrip(port_, buildRequest("GET", path, headers));
  }

  RawResponse postJson(const std::string& path, const std::string& body,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Content-Type", "application/json");
    return roundTrip(port_, buildRequest("POST", path, headers, body));
  }

  // A normal chat request succeeds: the proof that the server still serves.
  void expectStillServing() {
    const RawResponse response = postJson("/v1/chat/completions", chatBody());
    EXPECT_EQ(response.status, 200) << response.body;
    EXPECT_NE(response.body.find("Echo: hello gateway"), std::string::npos) << response.body;
  }

  TestConfig config_;
  std::unique_ptr<GatewayProcess> gateway_;
  std::uint16_t port_ = 0;
};

} // namespace gatehouse::testing
