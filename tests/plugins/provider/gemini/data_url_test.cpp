#include <gtest/gtest.h>

#include "data_url.hpp"

namespace gatehouse::plugins::gemini {
namespace {

TEST(DataUrlTest, KeepsABase64PayloadAndItsMediaType) {
  const auto data = parseDataUrl("data:image/png;base64,iVBORw0KGgo=");
  ASSERT_TRUE(data);
  EXPECT_EQ(data->mimeType, "image/png");
  EXPECT_EQ(data->base64, "iVBORw0KGgo=");
}

TEST(DataUrlTest, DropsMediaTypeParametersAndLowersTheType) {
  const auto data = parseDataUrl("DATA:Image/JPEG;name=a.jpg;base64,/9j/");
  ASSERT_TRUE(data);
  EXPECT_EQ(data->mimeType, "image/jpeg");
  EXPECT_EQ(data->base64, "/9j/");
}

TEST(DataUrlTest, EncodesAPercentEncodedPayload) {
  const auto data = parseDataUrl("data:text/plain;charset=utf-8,hello%20world");
  ASSERT_TRUE(data);
  EXPECT_EQ(data->mimeType, "text/plain");
  EXPECT_EQ(data->base64, "aGVsbG8gd29ybGQ=");
}

TEST(DataUrlTest, RemovesWhitespaceAndEscapedPaddingFromBase64) {
  const auto data = parseDataUrl("data:image/gif;base64,R0lG\nODlh%3D");
  ASSERT_TRUE(data);
  EXPECT_EQ(data->base64, "R0lGODlh=");
}

TEST(DataUrlTest, HasNoMediaTypeWhenTheUrlNamesNone) {
  const auto data = parseDataUrl("data:;base64,AAAA");
  ASSERT_TRUE(data);
  EXPECT_EQ(data->mimeType, "");
}

TEST(DataUrlTest, RefusesWhatIsNotADataUrl) {
  EXPECT_FALSE(parseDataUrl("https://example.com/a.png"));
  EXPECT_FALSE(parseDataUrl("data:image/png;base64"));
  EXPECT_FALSE(parseDataUrl("dat"));
}

} // namespace
} // namespace gatehouse::plugins::gemini
