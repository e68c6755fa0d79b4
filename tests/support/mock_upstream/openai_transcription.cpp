#include "openai_transcription.hpp"

#include <cmath>
#include <cstdio>

#include "audio_synth.hpp"
#include "credential_check.hpp"
#include "exchange.hpp"
#include "json_text.hpp"
#include "multipart_form.hpp"
#include "reply_plan.hpp"

namespace gatehouse::mock {
namespace {

// Uploads that are not WAV are taken as 128 kbit/s audio (MP3's usual rate).
constexpr double kAssumedBytesPerSecond = 16000;

struct Transcript {
  std::string text;
  double seconds = 0;
  std::string language;
  std::string prompt;
  std::string model;
};

std::string timestamp(double seconds, char fractionSeparator) {
  auto millis = static_cast<long long>(std::llround(seconds * 1000));
  char out[32];
  std::snprintf(out, sizeof(out), "%02lld:%02lld:%02lld%c%03lld", millis / 3600000, millis / 60000 % 60,
                millis / 1000 % 60, fractionSeparator, millis % 1000);
  return out;
}

// whisper-1 bills by the second; the gpt-4o transcribe models by tokens (audio tokens
// here: ten per second).
void writeUsage(JsonWriter& json, const Transcript& t) {
  json.Key("usage");
  json.StartObject();
  if (t.model.rfind("gpt-4o", 0) == 0) {
    auto audioTokens = static_cast<std::uint64_t>(std::ceil(t.seconds * 10));
    auto textTokens = tokensForBytes(t.prompt.size());
    auto outputTokens = tokensForBytes(t.text.size());
    json.Key("type");
    json.String("tokens");
    json.Key("input_tokens");
    json.Uint64(audioTokens + textTokens);
    json.Key("input_token_details");
    json.StartObject();
    json.Key("text_tokens");
    json.Uint64(textTokens);
    json.Key("audio_tokens");
    json.Uint64(audioTokens);
    json.EndObject();
    json.Key("output_tokens");
    json.Uint64(outputTokens);
    json.Key("total_tokens");
    json.Uint64(audioTokens + textTokens + outputTokens);
  } else {
    json.Key("type");
    json.String("duration");
    json.Key("seconds");
    json.Uint64(static_cast<std::uint64_t>(std::ceil(t.seconds)));
  }
  json.EndObject();
}

std::string jsonBody(const Transcript& t, bool verbose) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.SetMaxDecimalPlaces(3);
  json.StartObject();
  if (verbose) {
    json.Key("task");
    json.String("transcribe");
    json.Key("language");
    writeString(json, t.language.empty() ? "english" : t.language);
    json.Key("duration");
    json.Double(t.seconds);
  }
  json.Key("text");
  writeString(json, t.text);
  if (verbose) {
    json.Key("segments");
    json.StartArray();
    json.StartObject();
    json.Key("id");
    json.Int(0);
    json.Key("seek");
    json.Int(0);
    json.Key("start");
    json.Double(0.0);
    json.Key("end");
    json.Double(t.seconds);
    json.Key("text");
    writeString(json, t.text);
    json.Key("tokens");
    json.StartArray();
    json.EndArray();
    json.Key("temperature");
    json.Double(0.0);
    json.Key("avg_logprob");
    json.Double(-0.1);
    json.Key("compression_ratio");
    json.Double(1.0);
    json.Key("no_speech_prob");
    json.Double(0.0);
    json.EndObject();
    json.EndArray();
  }
  writeUsage(json, t);
  json.EndObject();
  return bufferText(buffer);
}

} // namespace

void answerOpenAiTranscription(Exchange& exchange, std::string_view deployment) {
  if (!exchange.readScenarioHeader() || !checkCredentials(exchange))
    return;
  const auto* contentType = exchange.request().header("content-type");
  auto boundary = contentType ? formBoundary(*contentType) : std::nullopt;
  if (!boundary) {
    exchange.sendError(400, "Invalid Content-Type header, expected multipart/form-data.");
    return;
  }
  auto parts = parseMultipartForm(exchange.request().body, *boundary);
  if (!parts) {
    exchange.sendError(400, "Could not parse multipart form");
    return;
  }
  const auto* file = findPart(*parts, "file");
  if (!file || !file->filename) {
    exchange.sendError(400, "Missing required parameter: 'file'.", "file");
    return;
  }
  // Azure names the model by the deployment in the URL.
  std::string_view fullModel = deployment;
  if (deployment.empty()) {
    const auto* modelPart = findPart(*parts, "model");
    if (!modelPart) {
      exchange.sendError(400, "you must provide a model parameter", "model");
      return;
    }
    fullModel = modelPart->body;
  }
  Transcript transcript;
  if (!exchange.readModelScenario(fullModel, transcript.model))
    return;
  auto format = findPart(*parts, "response_format");
  std::string responseFormat = format ? format->body : "json";
  if (responseFormat != "json" && responseFormat != "text" && responseFormat != "verbose_json" &&
      responseFormat != "srt" && responseFormat != "vtt") {
    exchange.sendError(400, "Invalid response_format '" + responseFormat + "'.", "response_format");
    return;
  }
  if (exchange.answeredWithFailure())
    return;

  auto wavSeconds = wavDurationSeconds(file->body);
  transcript.seconds =
      wavSeconds >= 0 ? wavSeconds : static_cast<double>(file->body.size()) / kAssumedBytesPerSecond;
  transcript.text = "Transcribed " + *file->filename + " (" + std::to_string(file->body.size()) + " bytes)";
  if (const auto* language = findPart(*parts, "language"))
    transcript.language = language->body;
  if (const auto* prompt = findPart(*parts, "prompt"))
    transcript.prompt = prompt->body;

  auto& writer = exchange.writer();
  if (responseFormat == "json" || responseFormat == "verbose_json") {
    exchange.sendJson(200, jsonBody(transcript, responseFormat == "verbose_json"));
  } else if (responseFormat == "text") {
    writer.send(200, "text/plain; charset=utf-8", transcript.text + "\n", exchange.providerHeaders());
  } else {
    bool srt = responseFormat == "srt";
    auto cue = timestamp(0, srt ? ',' : '.') + " --> " + timestamp(transcript.seconds, srt ? ',' : '.');
    auto body = srt ? "1\n" + cue + "\n" + transcript.text + "\n\n"
                    : "WEBVTT\n\n" + cue + "\n" + transcript.text + "\n\n";
    writer.send(200, "text/plain; charset=utf-8", body, exchange.providerHeaders());
  }
}

} // namespace gatehouse::mock
