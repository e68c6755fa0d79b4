#include <gtest/gtest.h>

#include "client_error.hpp"
#include "content_parts.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::sameJson;

std::string partsFor(std::string_view content, AllowedParts allowed = AllowedParts::Any) {
  rapidjson::Document out;
  rapidjson::Value parts(rapidjson::kArrayType);
  appendContentParts(parsed(content), "messages[0].content", allowed, parts, out.GetAllocator());
  return providers::toJson(parts);
}

providers::OpenAiError refusal(std::string_view content, AllowedParts allowed = AllowedParts::Any) {
  try {
    partsFor(content, allowed);
  } catch (const ClientError& error) {
    return error.error();
  }
  ADD_FAILURE() << "accepted: " << content;
  return {};
}

TEST(ContentPartsTest, AStringIsOneTextPart) {
  EXPECT_TRUE(sameJson(partsFor(R"("héllo")"), R"([{"text":"héllo"}])"));
}

TEST(ContentPartsTest, EmptyTextAndNullContentAddNothing) {
  EXPECT_TRUE(sameJson(partsFor(R"("")"), "[]"));
  EXPECT_TRUE(sameJson(partsFor("null"), "[]"));
  EXPECT_TRUE(sameJson(partsFor(R"([{"type":"text","text":""}])"), "[]"));
}

TEST(ContentPartsTest, DataUrlImagesBecomeInlineData) {
  EXPECT_TRUE(
      sameJson(partsFor(R"([{"type":"text","text":"what is it?"},
      {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}}])"),
               R"([{"text":"what is it?"},{"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}}])"));
}

TEST(ContentPartsTest, WebUrlsBecomeFileDataTypedByExtension) {
  EXPECT_TRUE(sameJson(partsFor(R"([{"type":"image_url","image_url":{"url":"https://example.com/a.webp"}},
                                    {"type":"image_url","image_url":"https://example.com/photo"}])"),
                       R"([{"fileData":{"mimeType":"image/webp","fileUri":"https://example.com/a.webp"}},
                           {"fileData":{"mimeType":"image/jpeg","fileUri":"https://example.com/photo"}}])"));
}

TEST(ContentPartsTest, InputAudioBecomesInlineData) {
  EXPECT_TRUE(
      sameJson(partsFor(R"([{"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}}])"),
               R"([{"inlineData":{"mimeType":"audio/wav","data":"UklGRg=="}}])"));
}

TEST(ContentPartsTest, FilesBecomeInlineData) {
  EXPECT_TRUE(sameJson(
      partsFor(
          R"([{"type":"file","file":{"file_data":"data:application/pdf;base64,JVBERi0=","filename":"a.pdf"}},
                   {"type":"file","file":{"file_data":"JVBERi0=","filename":"b.PDF"}}])"),
      R"([{"inlineData":{"mimeType":"application/pdf","data":"JVBERi0="}},
          {"inlineData":{"mimeType":"application/pdf","data":"JVBERi0="}}])"));
}

TEST(ContentPartsTest, RefusesOpenAiFileIds) {
  const auto error = refusal(R"([{"type":"file","file":{"file_id":"file-abc"}}])");
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.param, "messages[0].content[0].file.file_id");
}

TEST(ContentPartsTest, RefusesRawFileDataWithoutAKnownType) {
  EXPECT_EQ(refusal(R"([{"type":"file","file":{"file_data":"AAAA"}}])").param,
            "messages[0].content[0].file.filename");
}

TEST(ContentPartsTest, RefusesImageUrlsGeminiCannotRead) {
  EXPECT_EQ(refusal(R"([{"type":"image_url","image_url":{"url":"ftp://example.com/a.png"}}])").param,
            "messages[0].content[0].image_url.url");
  EXPECT_EQ(refusal(R"([{"type":"image_url","image_url":{"url":"data:;base64,AAAA"}}])").param,
            "messages[0].content[0].image_url.url");
  EXPECT_EQ(refusal(R"([{"type":"image_url"}])").param, "messages[0].content[0].image_url");
}

TEST(ContentPartsTest, RefusesUnknownPartTypes) {
  const auto error = refusal(R"([{"type":"text","text":"a"},{"type":"video_url","video_url":{}}])");
  EXPECT_EQ(error.param, "messages[0].content[1].type");
  EXPECT_NE(error.message.find("'video_url'"), std::string::npos);
}

TEST(ContentPartsTest, TextRolesTakeOnlyTextAndRefusals) {
  EXPECT_TRUE(sameJson(
      partsFor(R"([{"type":"text","text":"a"},{"type":"refusal","refusal":"no"}])", AllowedParts::Text),
      R"([{"text":"a"},{"text":"no"}])"));
  EXPECT_EQ(
      refusal(R"([{"type":"image_url","image_url":{"url":"https://x/a.png"}}])", AllowedParts::Text).param,
      "messages[0].content[0].type");
  EXPECT_EQ(refusal(R"([{"type":"refusal","refusal":"no"}])", AllowedParts::Any).param,
            "messages[0].content[0].type");
}

TEST(ContentPartsTest, RefusesContentOfTheWrongShape) {
  EXPECT_EQ(refusal("42").param, "messages[0].content");
  EXPECT_EQ(refusal(R"([{"type":"text","text":7}])").param, "messages[0].content[0].text");
  EXPECT_EQ(refusal(R"(["plain"])").param, "messages[0].content[0]");
}

} // namespace
} // namespace gatehouse::plugins::gemini
