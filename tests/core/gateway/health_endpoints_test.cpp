#include <gatehouse/gateway/health_endpoints.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>

namespace gatehouse::gateway {
namespace {

rapidjson::Document parse(const std::string& body) {
  rapidjson::Document document;
  document.Parse(body.c_str());
  EXPECT_TRUE(document.IsObject()) << body;
  return document;
}

TEST(HealthEndpoints, HealthzIsOk) {
  testing::FakeClientRequest client;
  http::IncomingRequest request{client, {}, "r", 0};
  testing::FakeResponseSink sink;
  serveHealthz(request, sink);
  EXPECT_EQ(sink.status, 200);
  EXPECT_EQ(sink.body, R"({"status":"ok"})");
}

TEST(HealthEndpoints, ReadyzListsPassingChecks) {
  Readiness readiness;
  readiness.addCheck("config", [](std::string&) { return true; });
  testing::FakeResponseSink sink;
  serveReadyz(readiness, sink);
  EXPECT_EQ(sink.status, 200);
  const auto document = parse(sink.body);
  EXPECT_STREQ(document["status"].GetString(), "ready");
  EXPECT_STREQ(document["checks"]["config"].GetString(), "ok");
  EXPECT_FALSE(document.HasMember("error"));
}

TEST(HealthEndpoints, ReadyzIs503NamingTheFailedCheckInTheOpenAiShape) {
  Readiness readiness;
  readiness.addCheck("config", [](std::string&) { return true; });
  readiness.addCheck("store", [](std::string& why) {
    why = "no connection";
    return false;
  });
  testing::FakeResponseSink sink;
  serveReadyz(readiness, sink);
  EXPECT_EQ(sink.status, 503);
  const auto document = parse(sink.body);
  EXPECT_STREQ(document["status"].GetString(), "not_ready");
  EXPECT_STREQ(document["checks"]["store"].GetString(), "failed: no connection");
  const auto& error = document["error"];
  EXPECT_STREQ(error["code"].GetString(), "not_ready");
  EXPECT_STREQ(error["type"].GetString(), "api_error");
  EXPECT_TRUE(error["param"].IsNull());
  EXPECT_NE(std::string(error["message"].GetString()).find("store"), std::string::npos);
}

TEST(HealthEndpoints, ReadyzSaysShuttingDown) {
  Readiness readiness;
  readiness.addCheck("config", [](std::string&) { return true; });
  readiness.markShuttingDown();
  testing::FakeResponseSink sink;
  serveReadyz(readiness, sink);
  EXPECT_EQ(sink.status, 503);
  const auto document = parse(sink.body);
  EXPECT_STREQ(document["status"].GetString(), "shutting_down");
  EXPECT_STREQ(document["error"]["code"].GetString(), "shutting_down");
}

} // namespace
} // namespace gatehouse::gateway
