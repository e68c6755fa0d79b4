#include <gatehouse/testing/fake_request.hpp>

#include <gtest/gtest.h>

namespace {

using gatehouse::testing::FakeRequest;

TEST(FakeRequest, HeadersMatchCaseInsensitivelyAndTheFirstWins) {
  FakeRequest request;
  request.setHeader("X-Api-Key", "first").setHeader("x-api-key", "second");
  EXPECT_EQ(request.header("x-API-key"), "first");
  EXPECT_TRUE(request.header("x-api-ke").empty());
  EXPECT_TRUE(request.header("x-api-keys").empty());
}

TEST(FakeRequest, DefaultsToAChatCompletionFromLoopback) {
  const FakeRequest request;
  EXPECT_EQ(request.method(), "POST");
  EXPECT_EQ(request.path(), "/v1/chat/completions");
  EXPECT_EQ(request.clientAddress(), "127.0.0.1");
}

} // namespace
