#include <gatehouse/http/error_writer.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>

namespace gatehouse::http {
namespace {

TEST(ErrorWriter, SendsTheErrorAsJsonWithItsStatus) {
  testing::FakeResponseSink sink;
  sendError(sink, ApiError{415, ErrorType::InvalidRequest, "wrong type", {}, "unsupported_media_type"});
  EXPECT_EQ(sink.status, 415);
  EXPECT_EQ(sink.contentType, "application/json");
  EXPECT_EQ(sink.body,
            toJson(ApiError{415, ErrorType::InvalidRequest, "wrong type", {}, "unsupported_media_type"}));
}

TEST(ErrorWriter, LeavesAStartedResponseAlone) {
  testing::FakeResponseSink sink;
  sink.send(200, "application/json", "{}");
  sendError(sink, badRequest("late"));
  EXPECT_EQ(sink.status, 200);
  EXPECT_EQ(sink.body, "{}");
  EXPECT_EQ(sink.sendCalls, 1);
}

TEST(ErrorWriter, FramesAnSseErrorEvent) {
  const ApiError error = badRequest("broken");
  EXPECT_EQ(sseErrorEvent(error), "data: " + toJson(error) + "\n\n");
}

} // namespace
} // namespace gatehouse::http
