#include <gtest/gtest.h>

#include "client_error.hpp"
#include "gemini_error.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::readFixture;
using testing::sameJson;

constexpr std::string_view kKey = "AIzaSyTheCompanyKey0123456789abcdefghij";
const ErrorContext kContext{"google", kKey};

TEST(GeminiErrorTest, TranslatesEachDocumentedError) {
  const rapidjson::Document fixture = parsed(readFixture("errors/gemini_errors.json"));
  for (const auto& entry : fixture["cases"].GetArray()) {
    const providers::OpenAiError error = translateGeminiError(
        entry["http_status"].GetInt(), providers::toJson(entry["gemini_body"]), kContext);
    EXPECT_EQ(error.status, entry["openai_status"].GetInt()) << providers::toJson(entry["gemini_body"]);
    EXPECT_TRUE(sameJson(providers::openAiErrorBody(error), entry["openai_body"]));
  }
}

TEST(GeminiErrorTest, MapsStatusesFaithfully) {
  EXPECT_EQ(openAiStatusFor(400, "INVALID_ARGUMENT"), 400);
  EXPECT_EQ(openAiStatusFor(401, "UNAUTHENTICATED"), 401);
  EXPECT_EQ(openAiStatusFor(409, "ABORTED"), 409);
  EXPECT_EQ(openAiStatusFor(413, ""), 413);
  EXPECT_EQ(openAiStatusFor(499, "CANCELLED"), 502);
  EXPECT_EQ(openAiStatusFor(529, ""), 502);
  EXPECT_EQ(openAiStatusFor(501, "UNIMPLEMENTED"), 502);
  EXPECT_EQ(openAiStatusFor(502, ""), 502);
  // Inside a 200 stream only the gRPC status tells.
  EXPECT_EQ(openAiStatusFor(200, "RESOURCE_EXHAUSTED"), 429);
  EXPECT_EQ(openAiStatusFor(200, "UNAVAILABLE"), 503);
  EXPECT_EQ(openAiStatusFor(200, "DEADLINE_EXCEEDED"), 504);
  EXPECT_EQ(openAiStatusFor(200, "INTERNAL"), 502);
  EXPECT_EQ(openAiStatusFor(200, "SOMETHING_NEW"), 502);
}

TEST(GeminiErrorTest, TakesTheStatusOfAStreamErrorEventFromItsCode) {
  const providers::OpenAiError error = translateGeminiErrorObject(
      200, parsed(R"({"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED"})"), kContext);
  EXPECT_EQ(error.status, 429);
  EXPECT_EQ(ClientError(error).status(), GH_ERROR_RESOURCE_EXHAUSTED);
}

TEST(GeminiErrorTest, NeverRepeatsAKey) {
  const std::string body =
      R"({"error":{"code":400,"message":"API key )" + std::string(kKey) +
      R"( is invalid; also AIzaSyOtherKeyOtherKeyOtherKey01234","status":"INVALID_ARGUMENT"}})";
  const providers::OpenAiError error = translateGeminiError(400, body, kContext);
  EXPECT_EQ(error.message.find("AIza"), std::string::npos) << error.message;
  EXPECT_EQ(error.message, "provider 'google': API key [REDACTED] is invalid; also [REDACTED]");
}

TEST(GeminiErrorTest, NeverPassesOnABodyThatIsNotAGeminiError) {
  const providers::OpenAiError error =
      translateGeminiError(502, "<html><body>Bad gateway from the corporate proxy</body></html>", kContext);
  EXPECT_EQ(error.status, 502);
  EXPECT_EQ(error.message, "provider 'google' answered HTTP 502 with a body that is not a Gemini error");
  EXPECT_EQ(translateGeminiError(429, "", kContext).status, 429);
  EXPECT_EQ(translateGeminiError(404, R"({"error":"not an object"})", kContext).status, 404);
}

TEST(GeminiErrorTest, SaysWhoAnsweredWhenGeminiGaveNoMessage) {
  const providers::OpenAiError error =
      translateGeminiError(503, R"({"error":{"code":503,"status":"UNAVAILABLE"}})", kContext);
  EXPECT_EQ(error.message, "provider 'google' answered HTTP 503");
  EXPECT_EQ(error.code, "unavailable");
}

TEST(GeminiErrorTest, BuildsTheBlockedPromptAndMalformedAnswerErrors) {
  const providers::OpenAiError blocked = blockedPromptError("OTHER", kContext);
  EXPECT_EQ(blocked.status, 400);
  EXPECT_EQ(blocked.code, "content_filter");
  EXPECT_EQ(blocked.message, "provider 'google': Gemini blocked the prompt (OTHER)");
  const providers::OpenAiError malformed = malformedAnswerError("no candidates", kContext);
  EXPECT_EQ(malformed.status, 502);
  EXPECT_EQ(malformed.message, "provider 'google' answered with no candidates");
}

} // namespace
} // namespace gatehouse::plugins::gemini
