#include <gatehouse/http/body_reader.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <streambuf>

namespace gatehouse::http {
namespace {

BodyFraming lengthOf(std::uint64_t length) {
  return BodyFraming{false, length};
}
BodyFraming chunked() {
  return BodyFraming{true, std::nullopt};
}

// A stream that yields `good` bytes and then fails like a reset connection.
class FailingBuffer : public std::streambuf {
public:
  explicit FailingBuffer(std::string good) : good_(std::move(good)) {
    setg(good_.data(), good_.data(), good_.data() + good_.size());
  }

protected:
  int_type underflow() override { throw std::runtime_error("connection reset"); }

private:
  std::string good_;
};

TEST(BodyReader, ReadsExactlyContentLengthBytes) {
  std::istringstream in("{\"a\":1}TRAILING");
  std::string body;
  EXPECT_EQ(readBody(in, lengthOf(7), 100, body), BodyStatus::Ok);
  EXPECT_EQ(body, "{\"a\":1}");
}

TEST(BodyReader, RefusesAnOversizedContentLengthWithoutReadingIt) {
  std::istringstream in(std::string(200, 'x'));
  std::string body = "stale";
  EXPECT_TRUE(declaredLengthExceeds(lengthOf(101), 100));
  EXPECT_EQ(readBody(in, lengthOf(101), 100, body), BodyStatus::TooLarge);
  EXPECT_TRUE(body.empty());
  EXPECT_EQ(in.tellg(), 0);
}

TEST(BodyReader, AcceptsABodyExactlyAtTheLimit) {
  std::istringstream in(std::string(100, 'x'));
  std::string body;
  EXPECT_FALSE(declaredLengthExceeds(lengthOf(100), 100));
  EXPECT_EQ(readBody(in, lengthOf(100), 100, body), BodyStatus::Ok);
  EXPECT_EQ(body.size(), 100u);
}

TEST(BodyReader, ReportsATruncatedBody) {
  std::istringstream in("only ten b");
  std::string body;
  EXPECT_EQ(readBody(in, lengthOf(50), 100, body), BodyStatus::Truncated);
  EXPECT_EQ(body, "only ten b");
}

TEST(BodyReader, ReportsAStreamFailureAsTruncated) {
  FailingBuffer buffer("partial");
  std::istream in(&buffer);
  std::string body;
  EXPECT_EQ(readBody(in, lengthOf(50), 100, body), BodyStatus::Truncated);
}

TEST(BodyReader, ReadsAChunkedBodyToItsEnd) {
  const std::string payload(40000, 'y'); // spans several read blocks
  std::istringstream in(payload);
  std::string body;
  EXPECT_EQ(readBody(in, chunked(), 50000, body), BodyStatus::Ok);
  EXPECT_EQ(body, payload);
}

TEST(BodyReader, CutsAChunkedBodyAtTheLimit) {
  std::istringstream in(std::string(100000, 'z'));
  std::string body;
  EXPECT_FALSE(declaredLengthExceeds(chunked(), 1000));
  EXPECT_EQ(readBody(in, chunked(), 1000, body), BodyStatus::TooLarge);
  EXPECT_LE(body.size(), 1000u);
}

TEST(BodyReader, AcceptsAChunkedBodyExactlyAtTheLimit) {
  std::istringstream in(std::string(1000, 'z'));
  std::string body;
  EXPECT_EQ(readBody(in, chunked(), 1000, body), BodyStatus::Ok);
  EXPECT_EQ(body.size(), 1000u);
}

TEST(BodyReader, ChunkedStreamFailureIsTruncated) {
  FailingBuffer buffer("abc");
  std::istream in(&buffer);
  std::string body;
  EXPECT_EQ(readBody(in, chunked(), 1000, body), BodyStatus::Truncated);
}

TEST(BodyReader, NoFramingMeansNoBody) {
  std::istringstream in("would block forever on a socket");
  std::string body = "stale";
  EXPECT_EQ(readBody(in, BodyFraming{}, 100, body), BodyStatus::Ok);
  EXPECT_TRUE(body.empty());
  EXPECT_EQ(in.tellg(), 0);
}

} // namespace
} // namespace gatehouse::http
