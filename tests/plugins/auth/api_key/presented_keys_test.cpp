#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "presented_keys.hpp"

namespace {

using namespace gatehouse::plugins::api_key;
namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;

const std::vector<KeyHeader> kAll{kAllKeyHeaders.begin(), kAllKeyHeaders.end()};

std::vector<std::string> presented(FakeRequest& fake, const std::vector<KeyHeader>& headers = kAll) {
  const sdk::Request request(FakeHost::api(), fake.handle());
  std::vector<std::string> out;
  for (const PresentedKey& key : presentedKeys(request, headers)) {
    out.push_back(std::string(headerName(key.header)) + "=" + std::string(key.value));
  }
  return out;
}

TEST(BearerToken, TakesTheTokenOfTheBearerSchemeOnly) {
  EXPECT_EQ(bearerToken("Bearer abc"), "abc");
  EXPECT_EQ(bearerToken("bearer abc"), "abc");
  EXPECT_EQ(bearerToken("BEARER \t abc \t"), "abc");
  EXPECT_EQ(bearerToken("  Bearer abc"), "abc");
  EXPECT_FALSE(bearerToken("Basic dXNlcjpwdw==").has_value());
  EXPECT_FALSE(bearerToken("Bearerabc").has_value());
  EXPECT_FALSE(bearerToken("Bearer").has_value());
  EXPECT_FALSE(bearerToken("Bearer   ").has_value());
  EXPECT_FALSE(bearerToken("abc").has_value());
  EXPECT_FALSE(bearerToken("").has_value());
}

TEST(PresentedKeys, ReadsEveryConfiguredHeaderInOrder) {
  FakeRequest request;
  request.setHeader("X-Goog-Api-Key", " g ")
      .setHeader("X-Api-Key", "x")
      .setHeader("Authorization", "Bearer a");
  EXPECT_EQ(presented(request),
            (std::vector<std::string>{"authorization=a", "x-api-key=x", "x-goog-api-key=g"}));
}

TEST(PresentedKeys, LeavesOutAbsentBlankAndNonBearerHeaders) {
  FakeRequest request;
  request.setHeader("Authorization", "Basic dXNlcjpwdw==").setHeader("x-api-key", "  ");
  EXPECT_TRUE(presented(request).empty());
}

TEST(PresentedKeys, ReadsOnlyTheConfiguredHeaders) {
  FakeRequest request;
  request.setHeader("Authorization", "Bearer a").setHeader("x-api-key", "x");
  EXPECT_EQ(presented(request, {KeyHeader::XApiKey}), (std::vector<std::string>{"x-api-key=x"}));
}

} // namespace
