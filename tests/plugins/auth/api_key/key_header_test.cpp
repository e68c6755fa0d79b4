#include <gtest/gtest.h>

#include "key_header.hpp"

namespace {

using namespace gatehouse::plugins::api_key;

TEST(KeyHeader, NamesRoundTripCaseInsensitively) {
  for (KeyHeader header : kAllKeyHeaders) {
    EXPECT_EQ(keyHeaderNamed(headerName(header)), header);
  }
  EXPECT_EQ(headerName(KeyHeader::Authorization), "authorization");
  EXPECT_EQ(headerName(KeyHeader::XApiKey), "x-api-key");
  EXPECT_EQ(headerName(KeyHeader::XGoogApiKey), "x-goog-api-key");
  EXPECT_EQ(keyHeaderNamed("X-Goog-Api-Key"), KeyHeader::XGoogApiKey);
  EXPECT_EQ(keyHeaderNamed("Authorization"), KeyHeader::Authorization);
}

TEST(KeyHeader, OtherNamesAreNotKeyHeaders) {
  EXPECT_FALSE(keyHeaderNamed("api-key").has_value());
  EXPECT_FALSE(keyHeaderNamed("x-api-key ").has_value());
  EXPECT_FALSE(keyHeaderNamed("").has_value());
}

} // namespace
