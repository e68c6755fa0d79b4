#include <gtest/gtest.h>

#include "media_type.hpp"

namespace gatehouse::plugins::gemini {
namespace {

TEST(MediaTypeTest, GuessesFromTheExtensionIgnoringCaseQueryAndFragment) {
  EXPECT_EQ(mediaTypeForUrl("https://example.com/cat.PNG?size=large#top", "x/y"), "image/png");
  EXPECT_EQ(mediaTypeForUrl("https://example.com/a/b/photo.jpeg", "x/y"), "image/jpeg");
  EXPECT_EQ(mediaTypeForUrl("https://example.com/p.webp", "x/y"), "image/webp");
  EXPECT_EQ(mediaTypeForUrl("gs://bucket/report.pdf", "x/y"), "application/pdf");
  EXPECT_EQ(mediaTypeForUrl("clip.mp3", "x/y"), "audio/mp3");
}

TEST(MediaTypeTest, FallsBackWithoutAKnownExtension) {
  EXPECT_EQ(mediaTypeForUrl("https://example.com/image", "image/jpeg"), "image/jpeg");
  EXPECT_EQ(mediaTypeForUrl("https://example.com/a.unknown", "image/jpeg"), "image/jpeg");
  // The dot belongs to the host name, not to a file.
  EXPECT_EQ(mediaTypeForUrl("https://cdn.example.png", "image/jpeg"), "image/jpeg");
  EXPECT_EQ(mediaTypeForUrl("https://example.com/v1.2/image", "image/jpeg"), "image/jpeg");
}

} // namespace
} // namespace gatehouse::plugins::gemini
