#include <gatehouse/gateway/credential_headers.hpp>

#include <gtest/gtest.h>

namespace gatehouse::gateway {
namespace {

TEST(CredentialHeaders, RecognisesEveryCredentialHeaderInAnyCase) {
  for (const std::string_view name : {"Authorization", "authorization", "PROXY-AUTHORIZATION", "Cookie",
                                      "x-api-key", "X-Goog-Api-Key", "api-key", "Api-Key"}) {
    EXPECT_TRUE(isCredentialHeader(name)) << name;
  }
}

TEST(CredentialHeaders, LeavesOtherHeadersAlone) {
  for (const std::string_view name : {"Content-Type", "x-request-id", "OpenAI-Beta", "x-api-key-id", "key",
                                      "authorizations", "", "Set-Cookie"}) {
    EXPECT_FALSE(isCredentialHeader(name)) << name;
  }
}

} // namespace
} // namespace gatehouse::gateway
