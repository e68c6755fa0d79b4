#include <gatehouse/sdk/request.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;

TEST(SdkRequest, ReadsHeadersCaseInsensitivelyAndTheRequestLine) {
  FakeRequest fake;
  fake.setHeader("Authorization", "Bearer abc")
      .setMethod("GET")
      .setPath("/v1/models")
      .setClientAddress("10.0.0.9");
  const sdk::Request request(FakeHost::api(), fake.handle());
  EXPECT_EQ(request.header("authorization"), "Bearer abc");
  EXPECT_EQ(request.header("AUTHORIZATION"), "Bearer abc");
  EXPECT_TRUE(request.header("x-missing").empty());
  EXPECT_EQ(request.method(), "GET");
  EXPECT_EQ(request.path(), "/v1/models");
  EXPECT_EQ(request.clientAddress(), "10.0.0.9");
  EXPECT_EQ(request.handle(), fake.handle());
}

} // namespace
