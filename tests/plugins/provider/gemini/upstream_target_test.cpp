#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "upstream_target.hpp"

namespace gatehouse::plugins::gemini {
namespace {

UpstreamTarget target(std::string key = "secret-key") {
  return UpstreamTarget("google", "https://generativelanguage.googleapis.com", "v1beta", std::move(key),
                        {{"x-goog-user-project", "acme"}});
}

TEST(UpstreamTargetTest, QualifiesPlainModelNames) {
  EXPECT_EQ(UpstreamTarget::modelResource("gemini-2.0-flash-001"), "models/gemini-2.0-flash-001");
  EXPECT_EQ(UpstreamTarget::modelResource("models/gemini-pro"), "models/gemini-pro");
  EXPECT_EQ(UpstreamTarget::modelResource("tunedModels/my-model-x1"), "tunedModels/my-model-x1");
}

TEST(UpstreamTargetTest, EscapesWhatCouldChangeTheUrl) {
  EXPECT_EQ(UpstreamTarget::modelResource("a:b?key=1#x y"), "models/a%3Ab%3Fkey%3D1%23x%20y");
}

TEST(UpstreamTargetTest, BuildsMethodUrls) {
  EXPECT_EQ(target().methodUrl("models/gemini-2.0-flash", "streamGenerateContent"),
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent");
  EXPECT_EQ(target().url("models?pageSize=1000"),
            "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000");
}

TEST(UpstreamTargetTest, SendsTheKeyAsAHeaderNeverInTheUrl) {
  const UpstreamTarget google = target();
  const sdk::UpstreamRequest request =
      google.request(google.keyFor(""), "POST", google.methodUrl("models/m", "generateContent"), "{}");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url.find("secret-key"), std::string::npos);
  EXPECT_EQ(request.url.find("key="), std::string::npos);
  const std::vector<std::pair<std::string, std::string>> expected = {{"Content-Type", "application/json"},
                                                                     {"x-goog-api-key", "secret-key"},
                                                                     {"x-goog-user-project", "acme"}};
  EXPECT_EQ(request.headers, expected);
  EXPECT_EQ(request.body, "{}");
}

TEST(UpstreamTargetTest, LeavesOutTheContentTypeWithoutABody) {
  const sdk::UpstreamRequest request = target().request("secret-key", "GET", target().url("models"), "");
  const std::vector<std::pair<std::string, std::string>> expected = {{"x-goog-api-key", "secret-key"},
                                                                     {"x-goog-user-project", "acme"}};
  EXPECT_EQ(request.headers, expected);
}

TEST(UpstreamTargetTest, APoolCredentialIsTheKeyInsteadOfTheConfiguredOne) {
  EXPECT_EQ(target().keyFor(""), "secret-key");
  EXPECT_EQ(target().keyFor("pool-key"), "pool-key");
  EXPECT_EQ(target("").keyFor("pool-key"), "pool-key");
}

TEST(UpstreamTargetTest, WithoutAnyKeyNoKeyHeaderIsSent) {
  const UpstreamTarget keyless = target("");
  EXPECT_EQ(keyless.keyFor(""), "");
  const sdk::UpstreamRequest request = keyless.request(keyless.keyFor(""), "GET", keyless.url("models"), "");
  const std::vector<std::pair<std::string, std::string>> expected = {{"x-goog-user-project", "acme"}};
  EXPECT_EQ(request.headers, expected);
}

TEST(UpstreamTargetTest, GivesErrorsTheNameAndTheExchangesKeyToMask) {
  const UpstreamTarget google = target();
  EXPECT_EQ(google.errors("pool-key").providerName, "google");
  EXPECT_EQ(google.errors("pool-key").apiKey, "pool-key");
}

} // namespace
} // namespace gatehouse::plugins::gemini
