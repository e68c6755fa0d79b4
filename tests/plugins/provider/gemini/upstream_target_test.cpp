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
  const sdk::UpstreamRequest request =
      target().request("POST", target().methodUrl("models/m", "generateContent"), "{}");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url.find("secret-key"), std::string::npos);
  EXPECT_EQ(request.url.find("key="), std::string::npos);
  const std::vector<std::pair<std::string, std::string>> expected = {{"Content-Type", "application/json"},
                                                                     {"x-goog-api-key", "secret-key"},
                                                                     {"x-goog-user-project", "acme"}};
  EXPECT_EQ(request.headers, expected);
  EXPECT_EQ(request.body, "{}");
}

TEST(UpstreamTargetTest, LeavesOutTheKeyAndContentTypeWhenThereAreNone) {
  const sdk::UpstreamRequest request = target("").request("GET", target("").url("models"), "");
  const std::vector<std::pair<std::string, std::string>> expected = {{"x-goog-user-project", "acme"}};
  EXPECT_EQ(request.headers, expected);
}

TEST(UpstreamTargetTest, GivesErrorsTheNameAndTheKeyToMask) {
  const UpstreamTarget google = target();
  EXPECT_EQ(google.errors().providerName, "google");
  EXPECT_EQ(google.errors().apiKey, "secret-key");
}

} // namespace
} // namespace gatehouse::plugins::gemini
