#include <gtest/gtest.h>

#include "usage_event_json.hpp"

namespace gatehouse::usage {
namespace {

UsageEvent fullEvent() {
  UsageEvent event;
  event.requestId = "req-\xf0\x9f\x9a\x80";
  event.subject = "line\nbreak \"quoted\" \\ tab\t";
  event.team = "team";
  event.app = "bytes\xff\xfe";
  event.keyId = "key";
  event.provider = "openai";
  event.model = "gpt-4o";
  event.upstreamModel = "gpt-4o-2024";
  event.endpoint = GH_ENDPOINT_IMAGES;
  event.streamed = true;
  event.httpStatus = 502;
  event.startedAtMs = 1'764'000'000'123;
  event.durationMs = 4567;
  event.usage = gh_usage{sizeof(gh_usage), 0, 1, 2, 3, 4, 5, 6, 7};
  event.costMicroUsd = -1;
  return event;
}

TEST(UsageEventJson, RoundTripsEveryFieldOnOneLine) {
  const UsageEvent sent = fullEvent();
  const std::string line = toJsonLine(sent);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1); // embedded newlines are escaped
  UsageEvent read;
  ASSERT_TRUE(fromJsonLine(line, read));
  EXPECT_EQ(read.requestId, sent.requestId);
  EXPECT_EQ(read.subject, sent.subject);
  EXPECT_EQ(read.app, sent.app);
  EXPECT_EQ(read.upstreamModel, sent.upstreamModel);
  EXPECT_EQ(read.endpoint, GH_ENDPOINT_IMAGES);
  EXPECT_TRUE(read.streamed);
  EXPECT_EQ(read.httpStatus, 502);
  EXPECT_EQ(read.startedAtMs, sent.startedAtMs);
  EXPECT_EQ(read.durationMs, 4567);
  EXPECT_EQ(read.usage.prompt_tokens, 1);
  EXPECT_EQ(read.usage.completion_tokens, 2);
  EXPECT_EQ(read.usage.cached_prompt_tokens, 3);
  EXPECT_EQ(read.usage.reasoning_tokens, 4);
  EXPECT_EQ(read.usage.images, 5);
  EXPECT_EQ(read.usage.audio_milliseconds, 6);
  EXPECT_EQ(read.usage.characters, 7);
  EXPECT_EQ(read.costMicroUsd, -1);
}

TEST(UsageEventJson, RefusesCutOrIncompleteLines) {
  const std::string line = toJsonLine(fullEvent());
  UsageEvent read;
  EXPECT_FALSE(fromJsonLine(line.substr(0, line.size() / 2), read));
  EXPECT_FALSE(fromJsonLine(R"({"request_id":"x"})", read));
  EXPECT_FALSE(fromJsonLine("[]", read));
  EXPECT_FALSE(fromJsonLine("", read));
}

} // namespace
} // namespace gatehouse::usage
