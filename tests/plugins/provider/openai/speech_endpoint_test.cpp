// Text to speech through the openai plugin: the audio is streamed through as it arrives.
#include <string>
#include <vector>

#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

class SpeechEndpoint : public OpenAiPluginTest {};

const std::string kFrame1("\xFF\xFB\x90\x00 first", 10);
const std::string kFrame2("\xFF\xFB\x90\x00 second", 11);

TEST_F(SpeechEndpoint, StreamsTheAudioThroughWithTheUpstreamsStatusAndType) {
  createProvider();
  FakeExchange exchange =
      request(GH_ENDPOINT_AUDIO_SPEECH,
              R"({"model":"tts","input":"h\u00e9llo w\u00f6rld \ud83d\udc4b","voice":"alloy","speed":1.25})");
  exchange.setUpstreamModel("tts-1");
  exchange.upstream().respond(FakeUpstreamResponse::chunks(200, {kFrame1, kFrame2}, "audio/mpeg"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).url, "https://api.test/v1/audio/speech");
  EXPECT_EQ(
      canonicalJson(sent(exchange).body),
      canonicalJson(
          R"({"model":"tts-1","input":"h\u00e9llo w\u00f6rld \ud83d\udc4b","voice":"alloy","speed":1.25})"));
  EXPECT_TRUE(exchange.rawStarted());
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "audio/mpeg");
  EXPECT_EQ(exchange.rawWrites(), (std::vector<std::string>{kFrame1, kFrame2}));
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->characters, 13); // code points, not bytes
  EXPECT_TRUE(exchange.upstream().opened().at(0)->fullyRead());
  expectTidyUpstream(exchange);
}

TEST_F(SpeechEndpoint, MissingContentTypeBecomesOctetStream) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_AUDIO_SPEECH, R"({"input":"x","voice":"alloy"})");
  exchange.upstream().respond(FakeUpstreamResponse::chunks(200, {"pcm"}, ""));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.contentType(), "application/octet-stream");
  EXPECT_EQ(exchange.rawBody(), "pcm");
}

TEST_F(SpeechEndpoint, InvalidRequestsNeverReachTheUpstream) {
  createProvider();
  for (const char* body : {R"({"input":"x"})", R"({"voice":"alloy"})", R"({"input":5,"voice":"alloy"})"}) {
    FakeExchange exchange = request(GH_ENDPOINT_AUDIO_SPEECH, body);
    EXPECT_EQ(handle(exchange), GH_ERROR_INVALID_ARGUMENT) << body;
    EXPECT_TRUE(exchange.upstream().requests().empty());
  }
}

TEST_F(SpeechEndpoint, UpstreamErrorIsAnsweredAsJsonAndNothingIsBilled) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_AUDIO_SPEECH, R"({"input":"x","voice":"nobody"})");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      400,
      R"({"error":{"message":"Invalid voice","type":"invalid_request_error","param":"voice","code":null}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_FALSE(exchange.rawStarted());
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_FALSE(exchange.usage());
}

TEST_F(SpeechEndpoint, AudioCutMidBodyFailsAfterWhatArrived) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_AUDIO_SPEECH, R"({"input":"x","voice":"alloy"})");
  exchange.upstream().respond(FakeUpstreamResponse::chunks(200, {kFrame1, kFrame2}, "audio/mpeg")
                                  .failAfter(1, GH_ERROR_UPSTREAM, "api.test:443 reset the connection"));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': api.test:443 reset the connection");
  EXPECT_EQ(exchange.rawBody(), kFrame1);
}

TEST_F(SpeechEndpoint, ClientLeavingStopsTheUpstream) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_AUDIO_SPEECH, R"({"input":"x","voice":"alloy"})");
  exchange.disconnectAfter(1);
  exchange.upstream().respond(FakeUpstreamResponse::chunks(200, {kFrame1, kFrame2, kFrame1}, "audio/mpeg"));
  EXPECT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.rawWrites().size(), 1u);
  EXPECT_TRUE(exchange.upstream().opened().at(0)->closed());
  EXPECT_FALSE(exchange.upstream().opened().at(0)->fullyRead());
  EXPECT_EQ(exchange.usage()->characters, 1);
}

} // namespace
} // namespace gatehouse::plugins::openai::test
