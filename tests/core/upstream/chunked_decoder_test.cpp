#include <gatehouse/upstream/chunked_decoder.hpp>

#include <gtest/gtest.h>

#include <string>

namespace gatehouse {
namespace {

constexpr std::size_t kAll = 1 << 30;

TEST(ChunkedDecoder, DecodesChunksUntilTheLastOne) {
  ChunkedDecoder decoder;
  std::string out;
  const std::string body = "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n";
  EXPECT_EQ(decoder.decode(body + "NEXT", out, kAll), body.size()); // stops at the end of the body
  EXPECT_EQ(out, "hello, world");
  EXPECT_TRUE(decoder.done());
  EXPECT_FALSE(decoder.failed());
}

TEST(ChunkedDecoder, ByteByByte) {
  ChunkedDecoder decoder;
  std::string out;
  const std::string body = "A;name=value\r\n0123456789\r\n1\r\n!\r\n0\r\nX-Trailer: 1\r\n\r\n";
  for (char c : body) {
    ASSERT_EQ(decoder.decode(std::string(1, c), out, kAll), 1u);
  }
  EXPECT_EQ(out, "0123456789!");
  EXPECT_TRUE(decoder.done());
}

TEST(ChunkedDecoder, IncompleteBodyIsNotDone) {
  ChunkedDecoder decoder;
  std::string out;
  decoder.decode("5\r\nhel", out, kAll);
  EXPECT_EQ(out, "hel");
  EXPECT_FALSE(decoder.done());
  decoder.decode("lo\r\n", out, kAll);
  EXPECT_FALSE(decoder.done()); // the last chunk has not come
}

TEST(ChunkedDecoder, HonoursTheOutputLimit) {
  ChunkedDecoder decoder;
  std::string out;
  const std::string body = "6\r\nabcdef\r\n0\r\n\r\n";
  const std::size_t used = decoder.decode(body, out, 4);
  EXPECT_EQ(out, "abcd");
  decoder.decode(std::string_view(body).substr(used), out, kAll);
  EXPECT_EQ(out, "abcdef");
  EXPECT_TRUE(decoder.done());
}

TEST(ChunkedDecoder, ToleratesBareLineFeeds) {
  ChunkedDecoder decoder;
  std::string out;
  decoder.decode("3\nabc\n0\n\n", out, kAll);
  EXPECT_EQ(out, "abc");
  EXPECT_TRUE(decoder.done());
}

TEST(ChunkedDecoder, RefusesAnInvalidSize) {
  ChunkedDecoder decoder;
  std::string out;
  decoder.decode("zz\r\n", out, kAll);
  EXPECT_TRUE(decoder.failed());
  EXPECT_STREQ(decoder.error(), "invalid chunk size");
}

TEST(ChunkedDecoder, RefusesAnOversizedSize) {
  ChunkedDecoder decoder;
  std::string out;
  decoder.decode("1000000000000000\r\n", out, kAll);
  EXPECT_TRUE(decoder.failed());
  EXPECT_STREQ(decoder.error(), "chunk size too large");
}

TEST(ChunkedDecoder, RefusesDataLongerThanItsChunk) {
  ChunkedDecoder decoder;
  std::string out;
  decoder.decode("2\r\nabc\r\n", out, kAll);
  EXPECT_TRUE(decoder.failed());
  EXPECT_STREQ(decoder.error(), "missing line break after chunk data");
}

} // namespace
} // namespace gatehouse
