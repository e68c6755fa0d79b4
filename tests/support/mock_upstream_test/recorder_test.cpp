// The ring of received requests behind GET /__mock/requests.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "recorder.hpp"

namespace gatehouse::mock {
namespace {

std::shared_ptr<const HttpRequest> request(std::string target, std::string body) {
  auto r = std::make_shared<HttpRequest>();
  r->method = "POST";
  r->target = std::move(target);
  r->body = std::move(body);
  r->headers = {{"authorization", "Bearer k"}, {"x-dup", "a"}, {"x-dup", "b"}};
  return r;
}

rapidjson::Document parsed(const Recorder& recorder) {
  rapidjson::Document doc;
  doc.Parse(recorder.toJson().c_str());
  EXPECT_TRUE(doc.IsObject());
  return doc;
}

TEST(Recorder, KeepsRequestsOldestFirst) {
  Recorder recorder(10);
  recorder.record(request("/one?x=1", "{\"a\":1}"), false);
  recorder.record(request("/two", "second"), true);
  auto doc = parsed(recorder);
  const auto& list = doc["requests"];
  ASSERT_EQ(list.Size(), 2u);
  EXPECT_STREQ(list[0]["target"].GetString(), "/one?x=1");
  EXPECT_STREQ(list[0]["method"].GetString(), "POST");
  EXPECT_STREQ(list[0]["body"].GetString(), "{\"a\":1}");
  EXPECT_FALSE(list[0]["tls"].GetBool());
  EXPECT_TRUE(list[1]["tls"].GetBool());
  EXPECT_LT(list[0]["sequence"].GetUint64(), list[1]["sequence"].GetUint64());
  EXPECT_STREQ(list[0]["headers"]["authorization"].GetString(), "Bearer k");
  EXPECT_STREQ(list[0]["headers"]["x-dup"].GetString(), "a, b");
}

TEST(Recorder, DropsOldestBeyondCapacity) {
  Recorder recorder(2);
  for (int i = 0; i < 5; ++i)
    recorder.record(request("/" + std::to_string(i), ""), false);
  auto doc = parsed(recorder);
  ASSERT_EQ(doc["requests"].Size(), 2u);
  EXPECT_STREQ(doc["requests"][0]["target"].GetString(), "/3");
  EXPECT_STREQ(doc["requests"][1]["target"].GetString(), "/4");
  EXPECT_EQ(doc["dropped"].GetUint64(), 3u);
}

TEST(Recorder, BoundsTheBytesItKeeps) {
  Recorder recorder(1000);
  auto big = request("/big", std::string(Recorder::kMaxRecordedBody, 'x'));
  auto fits = Recorder::kMaxRecordedBytes / Recorder::kMaxRecordedBody;
  for (std::size_t i = 0; i < fits + 3; ++i)
    recorder.record(big, false);
  auto doc = parsed(recorder);
  EXPECT_EQ(doc["requests"].Size(), fits);
  EXPECT_EQ(doc["dropped"].GetUint64(), 3u);
}

TEST(Recorder, ClearForgetsEverything) {
  Recorder recorder(4);
  recorder.record(request("/a", ""), false);
  recorder.clear();
  auto doc = parsed(recorder);
  EXPECT_EQ(doc["requests"].Size(), 0u);
  EXPECT_EQ(doc["dropped"].GetUint64(), 0u);
}

TEST(Recorder, BinaryBodiesComeBackAsBase64) {
  Recorder recorder(4);
  recorder.record(request("/bin", std::string("\xFF\x00\x01", 3)), false);
  auto doc = parsed(recorder);
  const auto& entry = doc["requests"][0];
  EXPECT_FALSE(entry.HasMember("body"));
  EXPECT_STREQ(entry["body_base64"].GetString(), "/wAB");
  EXPECT_EQ(entry["body_size"].GetUint64(), 3u);
}

TEST(Recorder, LargeBodiesAreTruncatedAtOneMebibyte) {
  Recorder recorder(1);
  recorder.record(request("/big", std::string(Recorder::kMaxRecordedBody + 10, 'x')), false);
  auto doc = parsed(recorder);
  const auto& entry = doc["requests"][0];
  EXPECT_TRUE(entry["body_truncated"].GetBool());
  EXPECT_EQ(entry["body_size"].GetUint64(), Recorder::kMaxRecordedBody + 10);
  EXPECT_EQ(entry["body"].GetStringLength(), Recorder::kMaxRecordedBody);
}

} // namespace
} // namespace gatehouse::mock
