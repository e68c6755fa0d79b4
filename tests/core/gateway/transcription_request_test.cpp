#include <gatehouse/gateway/transcription_request.hpp>

#include <gtest/gtest.h>

#include "request_parsing.hpp"

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----b0undary";

std::string field(std::string_view name, std::string_view value) {
  return "------b0undary\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" +
         std::string(value) + "\r\n";
}

std::string audio(std::string_view content = "RIFF....WAVEfmt ") {
  return "------b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech.wav\"\r\n"
         "Content-Type: audio/wav\r\n\r\n" +
         std::string(content) + "\r\n";
}

std::string form(const std::string& parts) {
  return parts + "------b0undary--\r\n";
}

ParsedModelRequest parse(std::string_view body) {
  return parseTranscriptionRequest(kType, body);
}

TEST(TranscriptionRequest, AcceptsAFileAndAModel) {
  const std::string body = form(audio() + field("model", "whisper-1") + field("language", "de"));
  const ModelRequest request = testing::acceptedRequest(parse(body), body);
  EXPECT_EQ(request.endpoint, GH_ENDPOINT_AUDIO_TRANSCRIPTION);
  EXPECT_EQ(request.model, "whisper-1");
  EXPECT_FALSE(request.stream);
  EXPECT_EQ(request.form.value("file"), "RIFF....WAVEfmt ");
  EXPECT_EQ(request.form.value("language"), "de");
  // The form points into the body, so a plugin can forward the body around a field.
  const std::string_view model = request.form.value("model");
  EXPECT_EQ(body.substr(static_cast<std::size_t>(model.data() - body.data()), model.size()), "whisper-1");
}

TEST(TranscriptionRequest, StreamFieldTrueAsksForAStream) {
  for (const auto& [value, expected] : std::vector<std::pair<std::string, bool>>{
           {"true", true}, {"TRUE", true}, {"false", false}, {"False", false}}) {
    const std::string body = form(audio() + field("model", "m") + field("stream", value));
    EXPECT_EQ(testing::acceptedRequest(parse(body), body).stream, expected) << value;
  }
}

TEST(TranscriptionRequest, RefusesMissingOrBadFieldsNamingTheParam) {
  testing::expectRefusals(
      &parse, {
                  {form(field("model", "m")), "file", "missing_required_parameter"},
                  {form(audio("") + field("model", "m")), "file", "invalid_value"},
                  {form(audio()), "model", "missing_required_parameter"},
                  {form(audio() + field("model", "")), "model", "invalid_value"},
                  {form(audio() + field("model", "bad\x01name")), "model", "invalid_value"},
                  {form(audio() + field("model", "bad\xff")), "model", "invalid_value"},
                  {form(audio() + field("model", "cut\xc3")), "model", "invalid_value"},
                  {form(audio() + field("model", "m") + field("stream", "yes")), "stream", "invalid_value"},
              });
}

TEST(TranscriptionRequest, AcceptsAUtf8ModelName) {
  const std::string body = form(audio() + field("model", "modèle-ünï"));
  EXPECT_EQ(testing::acceptedRequest(parse(body), body).model, "modèle-ünï");
}

TEST(TranscriptionRequest, PassesOnTheFormsFramingErrors) {
  const auto missingBoundary =
      testing::refusedRequest(parseTranscriptionRequest("multipart/form-data", "x"), "x");
  EXPECT_EQ(missingBoundary.code, "invalid_content_type");
  const std::string unterminated = audio() + field("model", "m");
  EXPECT_EQ(testing::refusedRequest(parse(unterminated), unterminated).code, "invalid_multipart");
}

} // namespace
} // namespace gatehouse::gateway
