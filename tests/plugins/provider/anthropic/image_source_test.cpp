#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "image_source.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::string source(std::string_view url) {
  rapidjson::Document document;
  return test::dump(imageSource(url, "p", document.GetAllocator()));
}

std::string refusal(std::string_view url) {
  try {
    source(url);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    return error.what();
  }
  return "";
}

TEST(ImageSource, AnHttpsUrlIsFetchedByAnthropic) {
  EXPECT_EQ(source("https://example.com/cat.png?size=large"),
            R"({"type":"url","url":"https://example.com/cat.png?size=large"})");
  EXPECT_EQ(source("HTTPS://EXAMPLE.COM/A.PNG"), R"({"type":"url","url":"HTTPS://EXAMPLE.COM/A.PNG"})");
}

TEST(ImageSource, ADataUrlBecomesABase64Source) {
  EXPECT_EQ(source("data:image/webp;base64,UklGRg=="),
            R"({"type":"base64","media_type":"image/webp","data":"UklGRg=="})");
  EXPECT_EQ(source("data:IMAGE/GIF;base64,R0lGOD"),
            R"({"type":"base64","media_type":"image/gif","data":"R0lGOD"})");
  EXPECT_EQ(source("data:image/jpg;base64,/9j/"),
            R"({"type":"base64","media_type":"image/jpeg","data":"/9j/"})");
  EXPECT_EQ(source("data:image/png;name=a.png;base64,iVBO"),
            R"({"type":"base64","media_type":"image/png","data":"iVBO"})");
}

TEST(ImageSource, RefusesWhatAnthropicCannotRead) {
  EXPECT_NE(refusal("http://example.com/cat.png").find("got scheme 'http'"), std::string::npos);
  EXPECT_NE(refusal("ftp://example.com/cat.png").find("got scheme 'ftp'"), std::string::npos);
  EXPECT_NE(refusal("file-abc123").find("got scheme 'none'"), std::string::npos);
  EXPECT_NE(refusal("https://").find("'p'"), std::string::npos);
  EXPECT_NE(refusal("data:image/tiff;base64,SUkq").find("image/tiff"), std::string::npos);
  EXPECT_NE(refusal("data:image/png,rawbytes").find("base64"), std::string::npos);
  EXPECT_NE(refusal("data:image/png;base64,").find("no data"), std::string::npos);
  EXPECT_NE(refusal("data:text/plain;base64,aGk=").find("text/plain"), std::string::npos);
}

TEST(ImageSource, TheRefusalNeverQuotesTheUrl) {
  const std::string message = refusal("http://intranet.example/secret-report.png");
  EXPECT_EQ(message.find("intranet"), std::string::npos) << message;
}

} // namespace
} // namespace gatehouse::plugins::anthropic
