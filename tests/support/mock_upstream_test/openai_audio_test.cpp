// Text to speech (streamed bytes) and transcription (multipart upload).
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/StreamCopier.h>

#include <cstring>

#include "mock_fixture.hpp"
#include "raw_http.hpp"

namespace gatehouse::mock::test {
namespace {

using OpenAiAudio = MockUpstreamTest;

// 1.5 s of 16-bit mono silence at 16 kHz, the way a recorder writes it.
std::string wavFile() {
  std::string data(48000, '\0');
  auto le = [](std::uint32_t v, int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
      s += static_cast<char>((v >> (8 * i)) & 0xFF);
    return s;
  };
  return "RIFF" + le(36 + 48000, 4) + "WAVEfmt " + le(16, 4) + le(1, 2) + le(1, 2) + le(16000, 4) +
         le(32000, 4) + le(2, 2) + le(16, 2) + "data" + le(48000, 4) + data;
}

HttpReply upload(MockClient& c, const std::vector<std::pair<std::string, std::string>>& fields,
                 bool withFile = true) {
  Poco::Net::HTMLForm form(Poco::Net::HTMLForm::ENCODING_MULTIPART);
  for (const auto& [name, value] : fields)
    form.set(name, value);
  if (withFile)
    form.addPart("file", new Poco::Net::StringPartSource(wavFile(), "audio/wav", "meeting.wav"));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/v1/audio/transcriptions",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.set("Authorization", "Bearer k");
  form.prepareSubmit(request);
  form.write(c.session().sendRequest(request));
  Poco::Net::HTTPResponse response;
  auto& stream = c.session().receiveResponse(response);
  HttpReply reply;
  reply.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(stream, reply.body);
  reply.headers.emplace_back("content-type", response.getContentType());
  return reply;
}

TEST_F(OpenAiAudio, SpeechStreamsMp3Frames) {
  auto reply =
      rawExchange(mock().port(), rawRequest("POST", "/v1/audio/speech",
                                            R"({"model":"tts-1","voice":"alloy","input":"Hello there"})",
                                            {{"Authorization", "Bearer k"}}));
  ASSERT_TRUE(reply.complete);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "audio/mpeg");
  EXPECT_TRUE(reply.chunked);
  EXPECT_GT(reply.chunks.size(), 1u); // streamed in pieces, not one blob
  ASSERT_EQ(reply.body.size() % 417, 0u);
  EXPECT_EQ(static_cast<unsigned char>(reply.body[0]), 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(reply.body[1]), 0xFB);
  // 11 characters -> 0.66 s -> 26 frames of 26.1 ms
  EXPECT_EQ(reply.body.size() / 417, 26u);
}

TEST_F(OpenAiAudio, SpeechAsWav) {
  auto reply = client().post("/v1/audio/speech",
                             R"({"model":"tts-1","voice":"alloy","input":"Hi","response_format":"wav"})",
                             openAiAuth());
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "audio/wav");
  EXPECT_EQ(reply.body.substr(0, 4), "RIFF");
  EXPECT_EQ(reply.body.size(), 44u + 24000u); // the half-second minimum
}

TEST_F(OpenAiAudio, SpeechNeedsVoiceAndKnownFormat) {
  EXPECT_EQ(client().post("/v1/audio/speech", R"({"model":"tts-1","input":"x"})", openAiAuth()).status, 400);
  auto reply =
      client().post("/v1/audio/speech",
                    R"({"model":"tts-1","voice":"a","input":"x","response_format":"flac"})", openAiAuth());
  EXPECT_EQ(reply.status, 400);
  EXPECT_STREQ(parseJson(reply.body)["error"]["param"].GetString(), "response_format");
}

TEST_F(OpenAiAudio, TranscriptionReadsTheMultipartUpload) {
  auto c = client();
  auto reply = upload(c, {{"model", "whisper-1"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["text"].GetString(),
               ("Transcribed meeting.wav (" + std::to_string(wavFile().size()) + " bytes)").c_str());
  EXPECT_STREQ(doc["usage"]["type"].GetString(), "duration");
  EXPECT_EQ(doc["usage"]["seconds"].GetInt(), 2); // 1.5 s rounded up
}

TEST_F(OpenAiAudio, VerboseTranscriptionHasDurationAndSegments) {
  auto c = client();
  auto doc = parseJson(
      upload(c, {{"model", "whisper-1"}, {"response_format", "verbose_json"}, {"language", "de"}}).body);
  EXPECT_STREQ(doc["task"].GetString(), "transcribe");
  EXPECT_STREQ(doc["language"].GetString(), "de");
  EXPECT_DOUBLE_EQ(doc["duration"].GetDouble(), 1.5);
  ASSERT_EQ(doc["segments"].Size(), 1u);
  EXPECT_DOUBLE_EQ(doc["segments"][0]["end"].GetDouble(), 1.5);
}

TEST_F(OpenAiAudio, Gpt4oTranscriptionReportsTokens) {
  auto c = client();
  auto doc = parseJson(upload(c, {{"model", "gpt-4o-transcribe"}}).body);
  EXPECT_STREQ(doc["usage"]["type"].GetString(), "tokens");
  EXPECT_EQ(doc["usage"]["input_token_details"]["audio_tokens"].GetInt(), 15);
}

TEST_F(OpenAiAudio, PlainTextTranscription) {
  auto c = client();
  auto reply = upload(c, {{"model", "whisper-1"}, {"response_format", "text"}});
  EXPECT_EQ(reply.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply.body.rfind("Transcribed meeting.wav", 0), 0u);
}

TEST_F(OpenAiAudio, TranscriptionWithoutFileOrWithJsonIs400) {
  auto c = client();
  auto missing = upload(c, {{"model", "whisper-1"}}, false);
  EXPECT_EQ(missing.status, 400);
  EXPECT_STREQ(parseJson(missing.body)["error"]["param"].GetString(), "file");
  EXPECT_EQ(client().post("/v1/audio/transcriptions", R"({"model":"whisper-1"})", openAiAuth()).status, 400);
}

} // namespace
} // namespace gatehouse::mock::test
