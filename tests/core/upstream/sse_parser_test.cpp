#include <gatehouse/upstream/sse_parser.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gatehouse {
namespace {

struct Event {
  std::string event;
  std::string data;
  std::string id;
  bool operator==(const Event&) const = default;
};

void PrintTo(const Event& e, std::ostream* out) { // NOLINT(readability-identifier-naming)
  *out << "{event=" << e.event << " data=" << e.data << " id=" << e.id << "}";
}

std::vector<Event> drain(SseParser& parser, bool atEnd) {
  std::vector<Event> events;
  SseEvent event;
  while (atEnd ? parser.finish(event) : parser.next(event)) {
    events.push_back({std::string(event.event), std::string(event.data), std::string(event.id)});
  }
  return events;
}

// Feeds `pieces` one after another, collecting events as they become complete, then ends.
std::vector<Event> parse(const std::vector<std::string>& pieces) {
  SseParser parser;
  std::vector<Event> events;
  for (const std::string& piece : pieces) {
    parser.feed(piece);
    for (Event& e : drain(parser, false)) {
      events.push_back(std::move(e));
    }
  }
  for (Event& e : drain(parser, true)) {
    events.push_back(std::move(e));
  }
  return events;
}

std::vector<Event> parse(const std::string& text) {
  return parse(std::vector<std::string>{text});
}

TEST(SseParser, OneDataEvent) {
  EXPECT_EQ(parse("data: hello\n\n"), (std::vector<Event>{{"", "hello", ""}}));
}

TEST(SseParser, DataLinesAreJoinedWithLineFeeds) {
  EXPECT_EQ(parse("data: a\ndata: b\ndata:\ndata: c\n\n"), (std::vector<Event>{{"", "a\nb\n\nc", ""}}));
}

TEST(SseParser, EventAndIdFields) {
  EXPECT_EQ(parse("event: message_start\nid: 7\ndata: {}\n\n"),
            (std::vector<Event>{{"message_start", "{}", "7"}}));
}

TEST(SseParser, CommentsRetryAndUnknownFieldsAreIgnored) {
  EXPECT_EQ(parse(": keep-alive\nretry: 100\nfoo: bar\ndata: x\n: another\n\n"),
            (std::vector<Event>{{"", "x", ""}}));
}

TEST(SseParser, CarriageReturnLineFeedAndBothEndLines) {
  EXPECT_EQ(parse("data: a\r\rdata: b\r\n\r\ndata: c\n\n"),
            (std::vector<Event>{{"", "a", ""}, {"", "b", ""}, {"", "c", ""}}));
}

TEST(SseParser, CrLfSplitAcrossReadsIsOneLineEnd) {
  // Were the CR and the LF two line ends, the LF would be a blank line dispatching early.
  EXPECT_EQ(parse(std::vector<std::string>{"data: a\r", "\ndata: b\r", "\n\r", "\n"}),
            (std::vector<Event>{{"", "a\nb", ""}}));
}

TEST(SseParser, OnlyOneLeadingSpaceIsStripped) {
  EXPECT_EQ(parse("data:  two\n\ndata:none\n\ndata: \n\n"),
            (std::vector<Event>{{"", " two", ""}, {"", "none", ""}, {"", "", ""}}));
}

TEST(SseParser, FieldNameWithoutColonHasAnEmptyValue) {
  EXPECT_EQ(parse("data\n\n"), (std::vector<Event>{{"", "", ""}}));
}

TEST(SseParser, EventWithoutDataIsSkippedAndDoesNotLeakItsType) {
  EXPECT_EQ(parse("event: ping\nid: 1\n\ndata: x\n\n"), (std::vector<Event>{{"", "x", ""}}));
}

TEST(SseParser, IdIsNotCarriedToTheNextEvent) {
  EXPECT_EQ(parse("id: 1\ndata: a\n\ndata: b\n\n"), (std::vector<Event>{{"", "a", "1"}, {"", "b", ""}}));
}

TEST(SseParser, IdWithNulIsIgnored) {
  EXPECT_EQ(parse(std::string("id: a\0b\ndata: x\n\n", 18)), (std::vector<Event>{{"", "x", ""}}));
}

TEST(SseParser, Utf8CharacterSplitAcrossReadsStaysWhole) {
  EXPECT_EQ(parse(std::vector<std::string>{"data: caf\xC3", "\xA9\n\n"}),
            (std::vector<Event>{{"", "caf\xC3\xA9", ""}}));
}

TEST(SseParser, ByteByByteGivesTheSameEvents) {
  const std::string stream = "event: a\r\ndata: 1\r\n\r\n: c\rdata: 2\rdata: 3\r\rid: x\ndata: {\"k\":4}\n\n";
  std::vector<std::string> bytes;
  for (char c : stream) {
    bytes.emplace_back(1, c);
  }
  EXPECT_EQ(parse(bytes), parse(stream));
  EXPECT_EQ(parse(stream), (std::vector<Event>{{"a", "1", ""}, {"", "2\n3", ""}, {"", "{\"k\":4}", "x"}}));
}

TEST(SseParser, EventIsNotDispatchedBeforeItsBlankLine) {
  SseParser parser;
  SseEvent event;
  parser.feed("data: a\n");
  EXPECT_FALSE(parser.next(event));
  parser.feed("\n");
  ASSERT_TRUE(parser.next(event));
  EXPECT_EQ(event.data, "a");
}

TEST(SseParser, FinalEventWithoutBlankLineIsDispatchedAtEnd) {
  EXPECT_EQ(parse("data: a\n\ndata: last"), (std::vector<Event>{{"", "a", ""}, {"", "last", ""}}));
  EXPECT_EQ(parse("event: e\ndata: last\n"), (std::vector<Event>{{"e", "last", ""}}));
}

TEST(SseParser, TrailingFieldsWithoutDataAreDroppedAtEnd) {
  EXPECT_EQ(parse("data: a\n\nevent: orphan\n"), (std::vector<Event>{{"", "a", ""}}));
  EXPECT_TRUE(parse("").empty());
}

TEST(SseParser, LeadingByteOrderMarkIsSkipped) {
  EXPECT_EQ(parse("\xEF\xBB\xBF"
                  "data: a\n\n"),
            (std::vector<Event>{{"", "a", ""}}));
  EXPECT_EQ(parse(std::vector<std::string>{"\xEF", "\xBB",
                                           "\xBF"
                                           "data: b\n\n"}),
            (std::vector<Event>{{"", "b", ""}}));
}

TEST(SseParser, ViewsStayValidUntilTheNextCall) {
  SseParser parser;
  SseEvent first;
  parser.feed("data: one\n\ndata: two\n\n");
  ASSERT_TRUE(parser.next(first));
  parser.feed(std::string(40000, ':') + "\n"); // a big comment forces the buffer to move
  EXPECT_EQ(first.data, "one");
  SseEvent second;
  ASSERT_TRUE(parser.next(second));
  EXPECT_EQ(second.data, "two");
}

TEST(SseParser, PendingBytesCountAnUnfinishedEvent) {
  SseParser parser;
  parser.feed("data: " + std::string(1000, 'x'));
  EXPECT_GE(parser.pendingBytes(), 1000u);
}

} // namespace
} // namespace gatehouse
