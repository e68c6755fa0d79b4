#include <gatehouse/gateway/speech_request.hpp>

#include <gtest/gtest.h>

#include "request_parsing.hpp"

namespace gatehouse::gateway {
namespace {

ModelRequest accepted(std::string_view body) {
  return testing::acceptedRequest(parseSpeechRequest(body), body);
}

TEST(SpeechRequest, AcceptsABuiltInOrCustomVoice) {
  const ModelRequest request = accepted(R"({"model":"tts-1","input":"Hello.","voice":"alloy","speed":1.2})");
  EXPECT_EQ(request.endpoint, GH_ENDPOINT_AUDIO_SPEECH);
  EXPECT_EQ(request.model, "tts-1");
  EXPECT_FALSE(request.stream);
  EXPECT_EQ(accepted(R"({"model":"tts-1","input":"Hi","voice":{"id":"voice_1"}})").model, "tts-1");
}

TEST(SpeechRequest, StreamFormatSseAsksForAStream) {
  EXPECT_TRUE(accepted(R"({"model":"t","input":"x","voice":"v","stream_format":"sse"})").stream);
  EXPECT_FALSE(accepted(R"({"model":"t","input":"x","voice":"v","stream_format":"audio"})").stream);
}

TEST(SpeechRequest, RefusesMissingOrWrongFieldsNamingTheParam) {
  testing::expectRefusals(
      &parseSpeechRequest,
      {
          {R"({"input":"x","voice":"v"})", "model", "missing_required_parameter"},
          {R"({"model":"t","voice":"v"})", "input", "missing_required_parameter"},
          {R"({"model":"t","input":"","voice":"v"})", "input", "invalid_value"},
          {R"({"model":"t","input":3,"voice":"v"})", "input", "invalid_type"},
          {R"({"model":"t","input":"x"})", "voice", "missing_required_parameter"},
          {R"({"model":"t","input":"x","voice":""})", "voice", "invalid_value"},
          {R"({"model":"t","input":"x","voice":["v"]})", "voice", "invalid_type"},
          {R"({"model":"t","input":"x","voice":"v","stream_format":true})", "stream_format", "invalid_type"},
      });
}

} // namespace
} // namespace gatehouse::gateway
