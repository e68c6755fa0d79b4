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
  event.usage = gh_usage{sizeof(gh_usage), 0, 1, 2, 3, 4, 5, 6, 7, 1792, 1024, GH_IMAGE_QUALITY_HIGH, 0};
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
  EXPECT_EQ(read.usage.image_width, 1792);
  EXPECT_EQ(read.usage.image_height, 1024);
  EXPECT_EQ(read.usage.image_quality, GH_IMAGE_QUALITY_HIGH);
  EXPECT_EQ(read.costMicroUsd, -1);
}

// A spool written by a gateway from before ABI 1.1 must still replay after an upgrade.
TEST(UsageEventJson, LineWrittenBeforeImageFieldsLoadsThemAsZero) {
  const std::string oldLine =
      R"({"request_id":"old-1","subject":"u","team":"t","app":"a","key_id":"k","provider":"openai",)"
      R"("model":"dall-e-3","upstream_model":"dall-e-3","endpoint":3,"streamed":false,"http_status":200,)"
      R"("started_at_ms":1764000000000,"duration_ms":12,"prompt_tokens":0,"completion_tokens":0,)"
      R"("cached_prompt_tokens":0,"reasoning_tokens":0,"images":2,"audio_milliseconds":0,"characters":0,)"
      R"("cost_micro_usd":80000})"
      "\n";
  UsageEvent read = fullEvent(); // non-zero image fields that must be overwritten
  ASSERT_TRUE(fromJsonLine(oldLine, read));
  EXPECT_EQ(read.requestId, "old-1");
  EXPECT_EQ(read.usage.images, 2);
  EXPECT_EQ(read.costMicroUsd, 80000);
  EXPECT_EQ(read.usage.image_width, 0);
  EXPECT_EQ(read.usage.image_height, 0);
  EXPECT_EQ(read.usage.image_quality, GH_IMAGE_QUALITY_UNKNOWN);
}

TEST(UsageEventJson, RefusesImageFieldsOfTheWrongTypeOrRange) {
  std::string line = toJsonLine(fullEvent());
  const std::string field = R"("image_width":1792)";
  const std::size_t at = line.find(field);
  ASSERT_NE(at, std::string::npos) << line;
  UsageEvent read;
  for (const char* bad : {R"("image_width":"1792")", R"("image_width":4294967296)", R"("image_width":1.5)"}) {
    std::string broken = line;
    broken.replace(at, field.size(), bad);
    EXPECT_FALSE(fromJsonLine(broken, read)) << broken;
  }
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
