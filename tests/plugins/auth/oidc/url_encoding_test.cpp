#include <gtest/gtest.h>

#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {
namespace {

TEST(PercentEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percentEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percentEncode("openid email"), "openid%20email");
  EXPECT_EQ(percentEncode("https://gw.example/auth/callback?x=1&y"),
            "https%3A%2F%2Fgw.example%2Fauth%2Fcallback%3Fx%3D1%26y");
  EXPECT_EQ(percentEncode("\xc3\xa9+"), "%C3%A9%2B");
}

TEST(EncodeForm, JoinsEncodedPairs) {
  EXPECT_EQ(encodeForm({{"grant_type", "authorization_code"}, {"code", "a b&c"}}),
            "grant_type=authorization_code&code=a%20b%26c");
  EXPECT_EQ(encodeForm({}), "");
}

TEST(ParseForm, DecodesPairsAndPlusAsSpace) {
  const std::optional<FormFields> fields = parseForm("code=abc%2F1&state=s+t&&flag&empty=");
  ASSERT_TRUE(fields);
  EXPECT_EQ(formValue(*fields, "code"), "abc/1");
  EXPECT_EQ(formValue(*fields, "state"), "s t");
  EXPECT_EQ(formValue(*fields, "flag"), "");
  EXPECT_EQ(formValue(*fields, "empty"), "");
  EXPECT_EQ(formValue(*fields, "missing"), std::nullopt);
  EXPECT_EQ(fields->size(), 4u);
}

TEST(ParseForm, FirstValueWins) {
  const std::optional<FormFields> fields = parseForm("code=first&code=second");
  ASSERT_TRUE(fields);
  EXPECT_EQ(formValue(*fields, "code"), "first");
}

TEST(ParseForm, RefusesBrokenEscapes) {
  EXPECT_FALSE(parseForm("code=%"));
  EXPECT_FALSE(parseForm("code=%4"));
  EXPECT_FALSE(parseForm("code=%zz"));
  EXPECT_TRUE(parseForm(""));
}

TEST(ParseForm, ReadsWhatEncodeFormWrote) {
  const FormFields original{
      {"redirect_uri", "https://gw/cb?a=1"}, {"scope", "openid email"}, {"x", "\xe2\x82\xac"}};
  EXPECT_EQ(parseForm(encodeForm(original)), original);
}

} // namespace
} // namespace gatehouse::plugins::oidc
