// A FakeUpstream plays its scripted response back in whichever read style the plugin
// chooses, and holds the plugin to the ABI's rules for reading and closing.
#include <gatehouse/testing/fake_upstream.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using gatehouse::testing::FakeFailure;
using gatehouse::testing::FakeReadStyle;
using gatehouse::testing::FakeSseEvent;
using gatehouse::testing::FakeUpstream;
using gatehouse::testing::FakeUpstreamResponse;

std::string text(gh_str view) {
  return view.ptr == nullptr ? std::string() : std::string(view.ptr, view.len);
}

gh_sse_event newEvent() {
  gh_sse_event event{};
  event.struct_size = sizeof event;
  return event;
}

// Every event's data until the clean end; the failure's status when a read fails.
std::vector<std::string> readEvents(FakeUpstream& upstream, gh_status* failed = nullptr) {
  std::vector<std::string> out;
  FakeFailure failure;
  while (true) {
    gh_sse_event event = newEvent();
    const gh_status status = upstream.nextEvent(event, failure);
    if (status != GH_OK) {
      if (failed != nullptr) {
        *failed = status;
      }
      return out;
    }
    if (event.end != 0) {
      return out;
    }
    out.push_back(text(event.data));
  }
}

TEST(FakeUpstream, StatusAndHeadersCaseInsensitively) {
  FakeUpstream upstream(FakeUpstreamResponse::body(429, "{}").header("Retry-After", "3"));
  EXPECT_EQ(upstream.status(), 429);
  EXPECT_EQ(upstream.header("content-type"), "application/json");
  EXPECT_EQ(upstream.header("retry-after"), "3");
  EXPECT_EQ(upstream.header("x-absent"), "");
}

TEST(FakeUpstream, WholeBodyReadsAsBodyChunksOrEvents) {
  const std::string body = "data: one\n\ndata: two\n\n";
  FakeUpstream asBody(FakeUpstreamResponse::body(200, body, "text/event-stream"));
  std::string out;
  FakeFailure failure;
  ASSERT_EQ(asBody.readBody(out, failure), GH_OK);
  EXPECT_EQ(out, body);
  EXPECT_TRUE(asBody.fullyRead());

  FakeUpstream asEvents(FakeUpstreamResponse::body(200, body, "text/event-stream"));
  EXPECT_EQ(readEvents(asEvents), (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(asEvents.fullyRead());
  EXPECT_EQ(asEvents.readStyle(), FakeReadStyle::Events);
}

TEST(FakeUpstream, ScriptedEventsAreFramedAsServerSentEvents) {
  FakeUpstream upstream(FakeUpstreamResponse::events(
      200, {FakeSseEvent{"{\"a\":1}", "message_start", "e1"}, FakeSseEvent{"line1\nline2", "", ""}}));
  std::string body;
  FakeFailure failure;
  ASSERT_EQ(upstream.readBody(body, failure), GH_OK);
  EXPECT_EQ(body, "event: message_start\nid: e1\ndata: {\"a\":1}\n\ndata: line1\ndata: line2\n\n");
  EXPECT_EQ(upstream.header("Content-Type"), "text/event-stream");

  FakeUpstream again(FakeUpstreamResponse::events(200, {FakeSseEvent{"{\"a\":1}", "message_start", "e1"}}));
  gh_sse_event event = newEvent();
  ASSERT_EQ(again.nextEvent(event, failure), GH_OK);
  EXPECT_EQ(text(event.event), "message_start");
  EXPECT_EQ(text(event.id), "e1");
  EXPECT_EQ(text(event.data), "{\"a\":1}");
}

TEST(FakeUpstream, ChunksArriveOneReadEachThenNothingAtTheEnd) {
  FakeUpstream upstream(FakeUpstreamResponse::chunks(200, {"ab", "", "cd"}, "audio/mpeg"));
  FakeFailure failure;
  std::vector<std::string> reads;
  for (int i = 0; i < 4; ++i) {
    std::string out;
    ASSERT_EQ(upstream.readChunk(out, failure), GH_OK);
    reads.push_back(out);
  }
  EXPECT_EQ(reads, (std::vector<std::string>{"ab", "cd", "", ""})); // an empty piece is no read
  EXPECT_TRUE(upstream.fullyRead());
}

TEST(FakeUpstream, AChunkReadNeverExceeds64KiB) {
  FakeUpstream upstream(FakeUpstreamResponse::chunks(200, {std::string(FakeUpstream::kMaxChunk + 10, 'x')}));
  FakeFailure failure;
  std::string first, second, end;
  ASSERT_EQ(upstream.readChunk(first, failure), GH_OK);
  ASSERT_EQ(upstream.readChunk(second, failure), GH_OK);
  ASSERT_EQ(upstream.readChunk(end, failure), GH_OK);
  EXPECT_EQ(first.size(), FakeUpstream::kMaxChunk);
  EXPECT_EQ(second.size(), 10u);
  EXPECT_TRUE(end.empty());
}

TEST(FakeUpstream, BodyCutAfterNPiecesFailsTheReadThatNeedsMoreAndEveryLaterOne) {
  FakeUpstream upstream(
      FakeUpstreamResponse::dataEvents({"1", "2", "3"}).failAfter(2, GH_ERROR_UPSTREAM, "connection reset"));
  gh_status failed = GH_OK;
  EXPECT_EQ(readEvents(upstream, &failed), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(failed, GH_ERROR_UPSTREAM);
  gh_sse_event event = newEvent();
  FakeFailure failure;
  EXPECT_EQ(upstream.nextEvent(event, failure), GH_ERROR_UPSTREAM);
  EXPECT_EQ(failure.message, "connection reset");
  EXPECT_FALSE(upstream.fullyRead());
}

TEST(FakeUpstream, FailureAfterTheLastPieceReplacesTheCleanEnd) {
  FakeUpstream upstream(FakeUpstreamResponse::body(200, "{\"partial\":")
                            .failAfter(1, GH_ERROR_UPSTREAM_TIMEOUT, "idle timeout"));
  std::string out;
  FakeFailure failure;
  EXPECT_EQ(upstream.readBody(out, failure), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(failure.message, "idle timeout");
}

TEST(FakeUpstream, MixingReadStylesIsRefusedAndListed) {
  FakeUpstream upstream(FakeUpstreamResponse::dataEvents({"1", "2"}));
  gh_sse_event event = newEvent();
  FakeFailure failure;
  ASSERT_EQ(upstream.nextEvent(event, failure), GH_OK);
  std::string out;
  EXPECT_EQ(upstream.readBody(out, failure), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream.readChunk(out, failure), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(out.empty());
  ASSERT_EQ(upstream.misuses().size(), 2u);
  EXPECT_NE(upstream.misuses()[0].find("one read style"), std::string::npos) << upstream.misuses()[0];
}

TEST(FakeUpstream, SmallEventStructIsRefused) {
  FakeUpstream upstream(FakeUpstreamResponse::dataEvents({"1"}));
  gh_sse_event event{};
  event.struct_size = 8;
  FakeFailure failure;
  EXPECT_EQ(upstream.nextEvent(event, failure), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(upstream.misuses().size(), 1u);
}

TEST(FakeUpstream, EventViewsDieAtTheNextReadAndHeaderViewsAtClose) {
  FakeUpstream upstream(FakeUpstreamResponse::dataEvents({"first", "second"}));
  gh_sse_event event = newEvent();
  FakeFailure failure;
  ASSERT_EQ(upstream.nextEvent(event, failure), GH_OK);
  const gh_str kept = event.data;
  const std::string_view contentType = upstream.header("content-type");
  gh_sse_event next = newEvent();
  ASSERT_EQ(upstream.nextEvent(next, failure), GH_OK);
  EXPECT_NE(std::string(kept.ptr, kept.len), "first"); // the plugin must have copied it
  upstream.close(false);
  EXPECT_EQ(contentType, std::string(contentType.size(), '#'));
}

TEST(FakeUpstream, UseAfterCloseAndDoubleCloseAreListed) {
  FakeUpstream upstream(FakeUpstreamResponse::body(200, "{}"));
  upstream.close(false);
  EXPECT_TRUE(upstream.closed());
  EXPECT_FALSE(upstream.closedByHost());
  std::string out;
  FakeFailure failure;
  EXPECT_EQ(upstream.readBody(out, failure), GH_ERROR_INVALID_ARGUMENT);
  upstream.status();
  upstream.close(false);
  upstream.close(true); // the host closing what is already closed is no misuse
  EXPECT_EQ(upstream.misuses().size(), 3u);
}

TEST(FakeUpstream, HostCloseIsRecordedAndAnUnreadBodyIsNotFullyRead) {
  FakeUpstream upstream(FakeUpstreamResponse::dataEvents({"1", "[DONE]"}));
  upstream.close(true);
  EXPECT_TRUE(upstream.closedByHost());
  EXPECT_FALSE(upstream.fullyRead());
  EXPECT_TRUE(upstream.misuses().empty());
}

} // namespace
