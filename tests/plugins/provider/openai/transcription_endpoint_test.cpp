// Transcriptions through the openai plugin: the multipart upload is forwarded with only
// the model's value replaced, and the answer passes through in whatever format it has.
#include <gatehouse/testing/fake_multipart.hpp>

#include <string>
#include <vector>

#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

using testing::FakeMultipartForm;

// Binary audio with bytes that look like multipart syntax, to prove nothing is re-encoded.
const std::string kAudio =
    std::string("RIFF\0\0\0\0WAVE\r\n--not-a-boundary\r\n", 32) + std::string(3000, '\x7f');

FakeMultipartForm upload(const std::string& model = "whisper", bool stream = false) {
  FakeMultipartForm form;
  form.file("file", "talk.wav", "audio/wav", kAudio).field("model", model).field("response_format", "json");
  if (stream) {
    form.field("stream", "true");
  }
  return form;
}

class TranscriptionEndpoint : public OpenAiPluginTest {
protected:
  FakeExchange transcription(const FakeMultipartForm& form) {
    FakeExchange exchange = request(GH_ENDPOINT_AUDIO_TRANSCRIPTION, "");
    exchange.setForm(form).setUpstreamModel("whisper-1");
    return exchange;
  }
};

TEST_F(TranscriptionEndpoint, ForwardsTheUploadAroundTheReplacedModel) {
  createProvider();
  const FakeMultipartForm form = upload();
  FakeExchange exchange = transcription(form);
  exchange.upstream().respond(
      FakeUpstreamResponse::body(200, R"({"text":"hello","usage":{"type":"duration","seconds":3}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();

  const FakeUpstreamRequest& upstream = sent(exchange);
  EXPECT_EQ(upstream.url, "https://api.test/v1/audio/transcriptions");
  EXPECT_EQ(upstream.header("Content-Type"), form.contentType());
  EXPECT_EQ(upstream.header("Authorization"), std::string("Bearer ") + kCompanyKey);
  const std::string body = form.body();
  const std::size_t at = body.find("\r\n\r\nwhisper\r\n") + 4;
  ASSERT_EQ(upstream.bodyParts.size(), 3u);
  EXPECT_EQ(upstream.bodyParts[0], body.substr(0, at));
  EXPECT_EQ(upstream.bodyParts[1], "whisper-1");
  EXPECT_EQ(upstream.bodyParts[2], body.substr(at + 7));
  EXPECT_EQ(upstream.body, upload("whisper-1").body());
  EXPECT_NE(upstream.body.find(kAudio), std::string::npos);

  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.responseBody(), R"({"text":"hello","usage":{"type":"duration","seconds":3}})");
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->audio_milliseconds, 3000);
  expectTidyUpstream(exchange);
}

TEST_F(TranscriptionEndpoint, TokenUsageOfTheGpt4oModels) {
  createProvider();
  FakeExchange exchange = transcription(upload());
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200,
      R"({"text":"hi","usage":{"type":"tokens","input_tokens":14,"input_token_details":{"text_tokens":4,)"
      R"("audio_tokens":10},"output_tokens":2,"total_tokens":16}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.usage()->prompt_tokens, 14);
  EXPECT_EQ(exchange.usage()->completion_tokens, 2);
  EXPECT_EQ(exchange.usage()->audio_milliseconds, 0);
}

TEST_F(TranscriptionEndpoint, VerboseJsonDurationInSeconds) {
  createProvider();
  FakeExchange exchange = transcription(upload());
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200,
      R"({"task":"transcribe","language":"english","duration":8.470000267028809,"text":"x","segments":[]})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.usage()->audio_milliseconds, 8470);
}

TEST_F(TranscriptionEndpoint, TextSrtAndVttPassThroughWithTheirContentType) {
  createProvider();
  struct Answer {
    std::string type, text;
    std::int64_t audioMs; // 0: no usage reported
  };
  const std::vector<Answer> answers{
      {"text/plain; charset=utf-8", "hello there --> 00:00:09,000\n", 0},
      {"application/x-subrip",
       "1\n00:00:00,000 --> 00:00:01,000\nhello\n\n2\n00:01:01,500 --> 01:00:02,250\nthere\n\n", 3602250},
      {"text/vtt", "WEBVTT\n\n00:00.000 --> 00:04.040\nhello\n", 4040}};
  for (const Answer& answer : answers) {
    FakeExchange exchange = transcription(upload());
    exchange.upstream().respond(FakeUpstreamResponse::body(200, answer.text, answer.type));
    ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
    EXPECT_EQ(exchange.contentType(), answer.type);
    EXPECT_EQ(exchange.responseBody(), answer.text);
    if (answer.audioMs == 0) {
      EXPECT_FALSE(exchange.usage()) << answer.type;
    } else {
      ASSERT_TRUE(exchange.usage()) << answer.type;
      EXPECT_EQ(exchange.usage()->audio_milliseconds, answer.audioMs) << answer.type;
    }
  }
}

TEST_F(TranscriptionEndpoint, StreamedTranscriptionIsRelayed) {
  createProvider();
  FakeExchange exchange = transcription(upload("whisper", true));
  const std::string delta = R"({"type":"transcript.text.delta","delta":"hel"})";
  const std::string done = R"({"type":"transcript.text.done","text":"hello","usage":{"type":"tokens",)"
                           R"("input_tokens":20,"output_tokens":3,"total_tokens":23}})";
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents({delta, done}));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).header("Accept"), "text/event-stream");
  EXPECT_EQ(exchange.events(), (std::vector<std::string>{delta, done}));
  EXPECT_EQ(exchange.usage()->prompt_tokens, 20);
  EXPECT_EQ(exchange.usage()->completion_tokens, 3);
  expectTidyUpstream(exchange);
}

TEST_F(TranscriptionEndpoint, UploadWithoutModelOrFileNeverReachesTheUpstream) {
  createProvider();
  FakeMultipartForm noModel;
  noModel.file("file", "a.wav", "audio/wav", "RIFF");
  FakeMultipartForm noFile;
  noFile.field("model", "whisper");
  for (const FakeMultipartForm& form : {noModel, noFile}) {
    FakeExchange exchange = transcription(form);
    EXPECT_EQ(handle(exchange), GH_ERROR_INVALID_ARGUMENT);
    EXPECT_TRUE(exchange.upstream().requests().empty());
  }
  FakeExchange notMultipart = request(GH_ENDPOINT_AUDIO_TRANSCRIPTION, "--x--\r\n");
  notMultipart.setHeader("Content-Type", "multipart/form-data; boundary=x");
  EXPECT_EQ(handle(notMultipart), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(host_.lastError(), "the multipart form needs a 'model' field");
}

TEST_F(TranscriptionEndpoint, UpstreamErrorIsAnswered) {
  createProvider();
  FakeExchange exchange = transcription(upload());
  exchange.upstream().respond(FakeUpstreamResponse::body(
      400, R"({"error":{"message":"Invalid file format.","type":"invalid_request_error",)"
           R"("param":"file","code":null}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_STREQ(parseJson(exchange.responseBody())["error"]["param"].GetString(), "file");
}

} // namespace
} // namespace gatehouse::plugins::openai::test
