#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "model_list.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

TEST(ModelList, ReadsAPageAndWhereTheNextStarts) {
  const ModelPage page = readModelPage(
      R"({"data":[{"type":"model","id":"claude-sonnet-4-20250514","display_name":"Claude Sonnet 4",)"
      R"("created_at":"2025-05-22T00:00:00Z"},{"type":"model","id":"claude-3-5-haiku-20241022",)"
      R"("display_name":"Claude Haiku 3.5","created_at":"2024-10-22T00:00:00Z"}],)"
      R"("has_more":true,"first_id":"claude-sonnet-4-20250514","last_id":"claude-3-5-haiku-20241022"})",
      "claude");
  ASSERT_EQ(page.models.size(), 2u);
  EXPECT_EQ(page.models[0].id, "claude-sonnet-4-20250514");
  EXPECT_EQ(page.models[0].created, 1747872000);
  EXPECT_EQ(page.nextAfterId.value_or(""), "claude-3-5-haiku-20241022");
  EXPECT_FALSE(readModelPage(R"({"data":[],"has_more":false,"last_id":null})", "claude").nextAfterId);
}

TEST(ModelList, AnUnreadableListIsAnUpstreamFailure) {
  try {
    readModelPage("<html/>", "claude");
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
  }
}

TEST(ModelList, WritesOpenAisListShape) {
  const std::string json =
      providers::modelListJson({{"claude-sonnet-4-20250514", 1747872000}, {"claude-x", 0}}, "anthropic");
  EXPECT_EQ(json, R"({"object":"list","data":[{"id":"claude-sonnet-4-20250514","object":"model",)"
                  R"("created":1747872000,"owned_by":"anthropic"},)"
                  R"({"id":"claude-x","object":"model","created":0,"owned_by":"anthropic"}]})");
}

TEST(ModelList, ParsesRfc3339Timestamps) {
  EXPECT_EQ(parseTimestamp("1970-01-01T00:00:00Z").value_or(-1), 0);
  EXPECT_EQ(parseTimestamp("2024-02-29T12:34:56Z").value_or(-1), 1709210096);
  EXPECT_EQ(parseTimestamp("2024-02-29T12:34:56.789Z").value_or(-1), 1709210096);
  EXPECT_EQ(parseTimestamp("2024-02-29T14:34:56+02:00").value_or(-1), 1709210096);
  EXPECT_EQ(parseTimestamp("2024-02-29T10:34:56-02:00").value_or(-1), 1709210096);
  EXPECT_FALSE(parseTimestamp("2024-02-29"));
  EXPECT_FALSE(parseTimestamp("2024-13-01T00:00:00Z"));
  EXPECT_FALSE(parseTimestamp("2024-02-29T12:34:56"));
  EXPECT_FALSE(parseTimestamp("yesterday at noon, roughly"));
}

} // namespace
} // namespace gatehouse::plugins::anthropic
