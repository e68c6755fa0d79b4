#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <ostream>

#include "gemini_config.hpp"

namespace gatehouse::plugins::gemini {
namespace {

TEST(GeminiConfigTest, DefaultsWhenEmpty) {
  const GeminiConfig config = parseGeminiConfig("{}");
  EXPECT_EQ(config.baseUrl, "https://generativelanguage.googleapis.com");
  EXPECT_FALSE(config.apiKeyRef);
  EXPECT_EQ(config.apiVersion, "v1beta");
  EXPECT_EQ(config.safetySettingsJson, "");
  EXPECT_TRUE(config.extraHeaders.empty());
  EXPECT_FALSE(config.fillMissingThoughtSignatures);
}

TEST(GeminiConfigTest, ReadsEveryKey) {
  const GeminiConfig config = parseGeminiConfig(R"({"base_url":"http://127.0.0.1:8080/gemini/",
      "api_key":"env:GEMINI_API_KEY","api_version":"v1",
      "safety_settings":[{"category":"HARM_CATEGORY_HATE_SPEECH","threshold":"BLOCK_NONE"}],
      "extra_headers":{"x-goog-user-project":"acme"},"fill_missing_thought_signatures":true})");
  EXPECT_EQ(config.baseUrl, "http://127.0.0.1:8080/gemini");
  EXPECT_EQ(config.apiKeyRef, "env:GEMINI_API_KEY");
  EXPECT_EQ(config.apiVersion, "v1");
  EXPECT_EQ(config.safetySettingsJson,
            R"([{"category":"HARM_CATEGORY_HATE_SPEECH","threshold":"BLOCK_NONE"}])");
  ASSERT_EQ(config.extraHeaders.size(), 1u);
  EXPECT_EQ(config.extraHeaders[0].first, "x-goog-user-project");
  EXPECT_EQ(config.extraHeaders[0].second, "acme");
  EXPECT_TRUE(config.fillMissingThoughtSignatures);
}

struct BadConfig {
  std::string json;
  std::string mentions;
};

std::ostream& operator<<(std::ostream& out, const BadConfig& value) {
  return out << value.json;
}

class GeminiConfigRefusalTest : public ::testing::TestWithParam<BadConfig> {};

TEST_P(GeminiConfigRefusalTest, RefusesWithAConfigError) {
  try {
    parseGeminiConfig(GetParam().json);
    ADD_FAILURE() << "accepted " << GetParam().json;
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_CONFIG);
    EXPECT_NE(std::string(error.what()).find(GetParam().mentions), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GeminiConfigRefusalTest,
    ::testing::Values(BadConfig{"[]", "expected a JSON object"},
                      BadConfig{R"({"base_uri":"x"})", "unknown key 'base_uri'"},
                      BadConfig{R"({"base_url":"ftp://x"})", "base_url"},
                      BadConfig{R"({"base_url":"https://x?key=1"})", "base_url"},
                      BadConfig{R"({"base_url":""})", "base_url"}, BadConfig{R"({"api_key":42})", "api_key"},
                      BadConfig{R"({"api_version":"v1/../x"})", "api_version"},
                      BadConfig{R"({"safety_settings":{"category":"x"}})", "safety_settings"},
                      BadConfig{R"({"safety_settings":[{"category":"x"}]})", "safety_settings[0]"},
                      BadConfig{R"({"extra_headers":["a"]})", "extra_headers"},
                      BadConfig{R"({"extra_headers":{"bad header":"x"}})", "bad header"},
                      BadConfig{R"({"extra_headers":{"X-Goog-Api-Key":"x"}})", "X-Goog-Api-Key"},
                      BadConfig{R"({"extra_headers":{"Host":"x"}})", "Host"},
                      BadConfig{R"({"extra_headers":{"a":1}})", "extra_headers.a"},
                      BadConfig{R"({"extra_headers":{"a":"x\r\nInjected: y"}})", "line breaks"},
                      BadConfig{R"({"fill_missing_thought_signatures":"yes"})",
                                "fill_missing_thought_signatures"}));

TEST(GeminiConfigTest, RefusesAKeyPastedIntoTheConfigWithoutRepeatingIt) {
  try {
    parseGeminiConfig(R"({"api_key":"AIzaSyPastedKey0123456789abcdefghijklm"})");
    ADD_FAILURE() << "a literal key was accepted";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_CONFIG);
    EXPECT_EQ(std::string(error.what()).find("AIza"), std::string::npos) << error.what();
  }
}

} // namespace
} // namespace gatehouse::plugins::gemini
