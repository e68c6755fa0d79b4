// The fake upstream's SSE parser follows the WHATWG rules upstream_next_event promises.
#include <gatehouse/testing/sse_parser.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using gatehouse::testing::ParsedSseEvent;
using gatehouse::testing::SseParser;

// Feeds `pieces` one at a time and collects every event, then ends the body.
std::vector<ParsedSseEvent> parseAll(const std::vector<std::string>& pieces) {
  SseParser parser;
  std::vector<ParsedSseEvent> events;
  for (const std::string& piece : pieces) {
    parser.feed(piece);
    while (auto event = parser.next()) {
      events.push_back(*event);
    }
  }
  while (auto event = parser.next(true)) {
    events.push_back(*event);
  }
  return events;
}

TEST(SseParser, ReadsDataEventFieldsAndIds) {
  const auto events = parseAll({"event: delta\nid: 7\ndata: {\"a\":1}\n\ndata: [DONE]\n\n"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event, "delta");
  EXPECT_EQ(events[0].id, "7");
  EXPECT_EQ(events[0].data, "{\"a\":1}");
  EXPECT_EQ(events[1].event, "");
  EXPECT_EQ(events[1].id, "");
  EXPECT_EQ(events[1].data, "[DONE]");
}

TEST(SseParser, JoinsDataLinesWithNewlinesAndRemovesOneLeadingSpaceOnly) {
  const auto events = parseAll({"data:first\ndata:  second\ndata\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "first\n second\n");
}

TEST(SseParser, SkipsCommentsRetryUnknownFieldsAndEventsWithoutData) {
  const auto events = parseAll({": keep-alive\nretry: 100\nfoo: bar\n\nevent: ping\n\ndata: x\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "x");
  EXPECT_EQ(events[0].event, ""); // the event name of the dataless ping does not leak on
}

TEST(SseParser, AcceptsCrLfAndCrLineEndingsEvenSplitAcrossPieces) {
  const auto events = parseAll({"data: a\r", "\n\r", "\ndata: b\r\rdata: c\r"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].data, "a");
  EXPECT_EQ(events[1].data, "b");
  // "data: c" ended its line with the final CR, but no blank line followed: dropped.
}

TEST(SseParser, EventSplitAnywhereIsReassembled) {
  const std::string body = "data: {\"text\":\"hello\"}\n\ndata: [DONE]\n\n";
  for (std::size_t cut = 1; cut < body.size(); ++cut) {
    const auto events = parseAll({body.substr(0, cut), body.substr(cut)});
    ASSERT_EQ(events.size(), 2u) << "cut at " << cut;
    EXPECT_EQ(events[0].data, "{\"text\":\"hello\"}");
    EXPECT_EQ(events[1].data, "[DONE]");
  }
}

TEST(SseParser, IncompleteEventAtTheEndIsDropped) {
  const auto events = parseAll({"data: whole\n\ndata: partial\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "whole");
}

TEST(SseParser, LeadingByteOrderMarkIsIgnored) {
  const auto events = parseAll({"\xEF\xBB", "\xBF"
                                            "data: x\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "x");
}

} // namespace
