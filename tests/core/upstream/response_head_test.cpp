#include <gatehouse/upstream/response_head.hpp>

#include <gtest/gtest.h>

#include <string>

namespace gatehouse {
namespace {

ResponseHead::Parse parse(ResponseHead& head, const std::string& text, bool headRequest = false) {
  std::size_t consumed = 0;
  return head.parse(text, headRequest, consumed);
}

TEST(ResponseHead, ParsesStatusHeadersAndContentLength) {
  ResponseHead head;
  std::size_t consumed = 0;
  const std::string text = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n"
                           "X-Multi: a\r\nx-multi: b\r\n\r\n";
  ASSERT_EQ(head.parse(text + "{\"body\":true}", false, consumed), ResponseHead::Parse::Complete);
  EXPECT_EQ(consumed, text.size());
  EXPECT_EQ(head.status(), 200);
  EXPECT_EQ(head.header("content-type"), "application/json");
  EXPECT_EQ(head.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(head.header("x-multi"), "a"); // the first one
  EXPECT_EQ(head.header("absent"), "");
  EXPECT_EQ(head.framing(), BodyFraming::ContentLength);
  EXPECT_EQ(head.contentLength(), 12u);
  EXPECT_TRUE(head.keepAlive());
}

TEST(ResponseHead, WaitsForTheBlankLine) {
  ResponseHead head;
  EXPECT_EQ(parse(head, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n"), ResponseHead::Parse::NeedMore);
  EXPECT_EQ(parse(head, "HTT"), ResponseHead::Parse::NeedMore);
}

TEST(ResponseHead, ChunkedAndUntilCloseFraming) {
  ResponseHead head;
  ASSERT_EQ(parse(head, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
            ResponseHead::Parse::Complete);
  EXPECT_EQ(head.framing(), BodyFraming::Chunked);
  EXPECT_TRUE(head.keepAlive());
  ASSERT_EQ(parse(head, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"),
            ResponseHead::Parse::Complete);
  EXPECT_EQ(head.framing(), BodyFraming::UntilClose);
  EXPECT_FALSE(head.keepAlive()); // the end of the body is the end of the connection
  ASSERT_EQ(parse(head, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"), ResponseHead::Parse::Complete);
  EXPECT_EQ(head.framing(), BodyFraming::UntilClose);
}

TEST(ResponseHead, NoBodyForHeadRequestsAnd204And304) {
  ResponseHead head;
  ASSERT_EQ(parse(head, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true), ResponseHead::Parse::Complete);
  EXPECT_EQ(head.framing(), BodyFraming::None);
  ASSERT_EQ(parse(head, "HTTP/1.1 204 No Content\r\n\r\n"), ResponseHead::Parse::Complete);
  EXPECT_EQ(head.framing(), BodyFraming::None);
  ASSERT_EQ(parse(head, "HTTP/1.1 304 Not Modified\r\n\r\n"), ResponseHead::Parse::Complete);
  EXPECT_EQ(head.framing(), BodyFraming::None);
  ASSERT_EQ(parse(head, "HTTP/1.1 100 Continue\r\n\r\n"), ResponseHead::Parse::Complete);
  EXPECT_EQ(head.status(), 100);
  EXPECT_EQ(head.framing(), BodyFraming::None);
}

TEST(ResponseHead, KeepAliveRules) {
  ResponseHead head;
  parse(head, "HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n");
  EXPECT_FALSE(head.keepAlive());
  parse(head, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
  EXPECT_FALSE(head.keepAlive());
  parse(head, "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n");
  EXPECT_TRUE(head.keepAlive());
}

TEST(ResponseHead, ToleratesBareLineFeedsAndAMissingReason) {
  ResponseHead head;
  ASSERT_EQ(parse(head, "HTTP/1.1 429\nRetry-After: 3\n\n"), ResponseHead::Parse::Complete);
  EXPECT_EQ(head.status(), 429);
  EXPECT_EQ(head.header("retry-after"), "3");
}

TEST(ResponseHead, RefusesMalformedHeads) {
  const char* cases[] = {
      "HTTP/2 200 OK\r\n\r\n",
      "HTTP/1.1 20 OK\r\n\r\n",
      "HTTP/1.1 2000 OK\r\n\r\n",
      "SSH-2.0-OpenSSH\r\n\r\n",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
      "HTTP/1.1 200 OK\r\nA: 1\r\n folded\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
  };
  for (const char* text : cases) {
    ResponseHead head;
    EXPECT_EQ(parse(head, text), ResponseHead::Parse::Invalid) << text;
    EXPECT_FALSE(head.error().empty()) << text;
  }
}

TEST(ResponseHead, RefusesGarbageEarly) {
  ResponseHead head;
  EXPECT_EQ(parse(head, "<html>"), ResponseHead::Parse::Invalid);
  EXPECT_EQ(head.error(), "not an HTTP/1.x response");
}

TEST(ResponseHead, RefusesAnEndlessHead) {
  ResponseHead head;
  EXPECT_EQ(parse(head, "HTTP/1.1 200 OK\r\nX: " + std::string(ResponseHead::kMaxBytes, 'a')),
            ResponseHead::Parse::Invalid);
  EXPECT_EQ(head.error(), "response head larger than 64 KiB");
}

TEST(ResponseHead, TokenLists) {
  EXPECT_TRUE(hasToken("keep-alive, Close", "close"));
  EXPECT_FALSE(hasToken("closed", "close"));
}

} // namespace
} // namespace gatehouse
