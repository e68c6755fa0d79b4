#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_key_config.hpp"

namespace {

using namespace gatehouse::plugins::api_key;
namespace sdk = gatehouse::sdk;

std::string refusal(const std::string& json) {
  try {
    parseApiKeyConfig(json);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_CONFIG) << json;
    return error.what();
  }
  ADD_FAILURE() << "accepted: " << json;
  return {};
}

TEST(ApiKeyConfig, DefaultsToAllThreeHeaders) {
  EXPECT_EQ(parseApiKeyConfig("{}").headers,
            (std::vector<KeyHeader>{KeyHeader::Authorization, KeyHeader::XApiKey, KeyHeader::XGoogApiKey}));
}

TEST(ApiKeyConfig, HeadersRestrictAndOrder) {
  EXPECT_EQ(parseApiKeyConfig(R"({"headers":["X-Api-Key","authorization"]})").headers,
            (std::vector<KeyHeader>{KeyHeader::XApiKey, KeyHeader::Authorization}));
  EXPECT_EQ(parseApiKeyConfig(R"({"headers":["x-goog-api-key"]})").headers,
            (std::vector<KeyHeader>{KeyHeader::XGoogApiKey}));
}

TEST(ApiKeyConfig, RefusesWhatIsNotAnObject) {
  EXPECT_EQ(refusal("[]"), "api_key plugin config: expected a JSON object");
  EXPECT_EQ(refusal("{"), "api_key plugin config: expected a JSON object");
  EXPECT_EQ(refusal(""), "api_key plugin config: expected a JSON object");
}

TEST(ApiKeyConfig, RefusesUnknownKeys) {
  EXPECT_EQ(refusal(R"({"header":["x-api-key"]})"), "api_key plugin config: unknown key 'header'");
}

TEST(ApiKeyConfig, RefusesBadHeaderLists) {
  EXPECT_EQ(refusal(R"({"headers":[]})"),
            "api_key plugin config: headers must be a non-empty array of header names");
  EXPECT_EQ(refusal(R"({"headers":"x-api-key"})"),
            "api_key plugin config: headers must be a non-empty array of header names");
  EXPECT_EQ(refusal(R"({"headers":[1]})"), "api_key plugin config: headers must contain only strings");
  EXPECT_EQ(refusal(R"({"headers":["cookie"]})"),
            "api_key plugin config: headers: unknown header 'cookie' (allowed: authorization, x-api-key, "
            "x-goog-api-key)");
  EXPECT_EQ(refusal(R"({"headers":["x-api-key","X-API-KEY"]})"),
            "api_key plugin config: headers: 'x-api-key' is listed twice");
}

} // namespace
