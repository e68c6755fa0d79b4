#include <gatehouse/http/content_type.hpp>

#include <gtest/gtest.h>

namespace gatehouse::http {
namespace {

TEST(ContentType, AcceptsJsonWithOptionalUtf8Charset) {
  EXPECT_TRUE(isJsonContentType("application/json"));
  EXPECT_TRUE(isJsonContentType("Application/JSON"));
  EXPECT_TRUE(isJsonContentType("application/json; charset=utf-8"));
  EXPECT_TRUE(isJsonContentType("application/json;charset=UTF-8"));
  EXPECT_TRUE(isJsonContentType("application/json; charset=\"utf-8\""));
  EXPECT_TRUE(isJsonContentType(" application/json ; charset=utf8 "));
  EXPECT_TRUE(isJsonContentType("application/json;"));
}

TEST(ContentType, RefusesOtherTypesCharsetsAndParameters) {
  EXPECT_FALSE(isJsonContentType(""));
  EXPECT_FALSE(isJsonContentType("text/plain"));
  EXPECT_FALSE(isJsonContentType("application/x-www-form-urlencoded"));
  EXPECT_FALSE(isJsonContentType("application/jsonx"));
  EXPECT_FALSE(isJsonContentType("application/json-patch+json"));
  EXPECT_FALSE(isJsonContentType("application/json; charset=latin1"));
  EXPECT_FALSE(isJsonContentType("application/json; boundary=x"));
  EXPECT_FALSE(isJsonContentType("multipart/form-data; charset=utf-8"));
}

TEST(ContentType, MultipartFormDataWithAnyParameters) {
  EXPECT_TRUE(isMultipartFormContentType("multipart/form-data; boundary=abc"));
  EXPECT_TRUE(isMultipartFormContentType("Multipart/Form-Data;boundary=\"a b\""));
  EXPECT_TRUE(isMultipartFormContentType(" multipart/form-data "));
  EXPECT_TRUE(isMultipartFormContentType("multipart/form-data")); // the missing boundary is a 400 later
}

TEST(ContentType, OtherTypesAreNotMultipartForms) {
  EXPECT_FALSE(isMultipartFormContentType(""));
  EXPECT_FALSE(isMultipartFormContentType("application/json"));
  EXPECT_FALSE(isMultipartFormContentType("multipart/mixed; boundary=abc"));
  EXPECT_FALSE(isMultipartFormContentType("multipart/form-datax; boundary=abc"));
  EXPECT_FALSE(isMultipartFormContentType("application/x-www-form-urlencoded"));
}

} // namespace
} // namespace gatehouse::http
