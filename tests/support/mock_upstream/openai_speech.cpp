#include "openai_speech.hpp"

#include <algorithm>

#include "audio_synth.hpp"
#include "credential_check.hpp"
#include "exchange.hpp"
#include "json_text.hpp"
#include "openai_json_request.hpp"

namespace gatehouse::mock {
namespace {

constexpr std::size_t kPieceBytes = 4096;

// About 16 characters a second, as speech goes, and never under half a second.
double speechSeconds(std::size_t inputBytes) {
  return std::max(0.5, static_cast<double>(inputBytes) * 0.06);
}

} // namespace

void answerOpenAiSpeech(Exchange& exchange, std::string_view deployment) {
  auto body = openOpenAiJsonRequest(exchange);
  if (!body)
    return;
  auto fullModel = stringMember(*body, "model");
  if (!fullModel && deployment.empty()) {
    exchange.sendError(400, "you must provide a model parameter");
    return;
  }
  std::string model;
  if (!exchange.readModelScenario(deployment.empty() ? *fullModel : deployment, model))
    return;
  auto input = stringMember(*body, "input");
  if (!input) {
    exchange.sendError(400, "Missing required parameter: 'input'.", "input");
    return;
  }
  if (!stringMember(*body, "voice")) {
    exchange.sendError(400, "Missing required parameter: 'voice'.", "voice");
    return;
  }
  auto format = stringMember(*body, "response_format").value_or("mp3");
  std::string audio;
  std::string contentType;
  auto seconds = speechSeconds(input->size());
  if (format == "mp3") {
    audio = silentMp3(seconds);
    contentType = "audio/mpeg";
  } else if (format == "wav") {
    audio = silentWav(seconds);
    contentType = "audio/wav";
  } else if (format == "pcm") {
    audio = silentPcm(seconds);
    contentType = "audio/pcm";
  } else {
    exchange.sendError(
        400, "The mock upstream produces response_format mp3, wav or pcm, not '" + std::string(format) + "'.",
        "response_format");
    return;
  }
  if (exchange.answeredWithFailure())
    return;
  auto& writer = exchange.writer();
  writer.startBytes(200, contentType, exchange.providerHeaders());
  for (std::size_t offset = 0; offset < audio.size(); offset += kPieceBytes)
    writer.bytes(std::string_view(audio).substr(offset, kPieceBytes));
  writer.finish();
}

} // namespace gatehouse::mock
