#include <gatehouse/gateway/header_parameters.hpp>

#include <gtest/gtest.h>

namespace gatehouse::gateway {
namespace {

TEST(HeaderParameters, SplitsTheValueAndItsParameters) {
  const auto parsed = parseHeaderParameters(R"( form-data ; name="file"; filename=a.wav ;;  x = "y z" )");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->value, "form-data");
  ASSERT_EQ(parsed->parameters.size(), 3u);
  EXPECT_EQ(parsed->parameters[0].name, "name");
  EXPECT_EQ(parsed->parameters[0].value, "file");
  EXPECT_EQ(parsed->parameters[1].value, "a.wav");
  EXPECT_EQ(parsed->parameters[2].name, "x");
  EXPECT_EQ(parsed->parameters[2].value, "y z");
}

TEST(HeaderParameters, QuotedValuesKeepSemicolonsAndEscapes) {
  const auto parsed = parseHeaderParameters(R"(form-data; name="a;b\"c"; next=1)");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(findParameter(*parsed, "name"), R"(a;b\"c)");
  EXPECT_EQ(findParameter(*parsed, "NEXT"), "1");
  EXPECT_FALSE(findParameter(*parsed, "missing").has_value());
}

TEST(HeaderParameters, FindsTheFirstOfARepeatedParameter) {
  const auto parsed = parseHeaderParameters("t; a=1; A=2");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(findParameter(*parsed, "a"), "1");
}

TEST(HeaderParameters, AValueWithoutParametersIsFine) {
  const auto parsed = parseHeaderParameters("application/json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->value, "application/json");
  EXPECT_TRUE(parsed->parameters.empty());
}

TEST(HeaderParameters, RefusesMalformedParameters) {
  for (const std::string_view text :
       {"t; name", "t; =v", "t; a=\"unterminated", "t; a=\"x\"y", "t; a=\"x\\\""}) {
    EXPECT_FALSE(parseHeaderParameters(text).has_value()) << text;
  }
}

} // namespace
} // namespace gatehouse::gateway
