#include "openai_images.hpp"

#include <ctime>

#include "credential_check.hpp"
#include "encoding.hpp"
#include "exchange.hpp"
#include "json_text.hpp"
#include "openai_json_request.hpp"
#include "reply_plan.hpp"
#include "unique_id.hpp"

namespace gatehouse::mock {
namespace {

// A 1x1 transparent RGBA PNG: a real, decodable image in the fewest bytes.
constexpr unsigned char kTinyPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00,
    0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00,
    0x01, 0xe9, 0xfa, 0xdc, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

// gpt-image-1's published output tokens for a square image, by quality.
std::uint64_t imageOutputTokens(std::string_view quality) {
  if (quality == "low")
    return 272;
  if (quality == "high")
    return 4160;
  return 1056;
}

} // namespace

void answerOpenAiImages(Exchange& exchange, std::string_view deployment) {
  auto body = openOpenAiJsonRequest(exchange);
  if (!body)
    return;
  std::string model;
  auto fullModel = deployment.empty() ? stringMember(*body, "model").value_or("dall-e-2") : deployment;
  if (!exchange.readModelScenario(fullModel, model))
    return;
  auto prompt = stringMember(*body, "prompt");
  if (!prompt || prompt->empty()) {
    exchange.sendError(400, "Missing required parameter: 'prompt'.", "prompt");
    return;
  }
  auto count = intMember(*body, "n").value_or(1);
  if (count < 1 || count > 10) {
    exchange.sendError(400, "Invalid 'n': integer must be between 1 and 10.", "n");
    return;
  }
  if (exchange.answeredWithFailure())
    return;
  // gpt-image models always answer in base64 and report token usage; DALL-E models
  // answer with URLs unless asked for b64_json.
  bool gptImage = model.rfind("gpt-image", 0) == 0;
  bool inlineImage = gptImage || stringMember(*body, "response_format").value_or("url") == "b64_json";
  auto imageBase64 =
      base64Encode(std::string_view(reinterpret_cast<const char*>(kTinyPng), sizeof(kTinyPng)));

  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("created");
  json.Int64(static_cast<std::int64_t>(std::time(nullptr)));
  json.Key("data");
  json.StartArray();
  for (std::int64_t i = 0; i < count; ++i) {
    json.StartObject();
    if (inlineImage) {
      json.Key("b64_json");
      writeString(json, imageBase64);
    } else {
      json.Key("url");
      writeString(json, "https://mock-upstream.invalid/images/img-" + uniqueId(24) + ".png");
    }
    if (model == "dall-e-3") {
      json.Key("revised_prompt");
      writeString(json, *prompt);
    }
    json.EndObject();
  }
  json.EndArray();
  if (gptImage) {
    auto input = tokensForBytes(prompt->size());
    auto output = imageOutputTokens(stringMember(*body, "quality").value_or("medium")) *
                  static_cast<std::uint64_t>(count);
    json.Key("usage");
    json.StartObject();
    json.Key("total_tokens");
    json.Uint64(input + output);
    json.Key("input_tokens");
    json.Uint64(input);
    json.Key("output_tokens");
    json.Uint64(output);
    json.Key("input_tokens_details");
    json.StartObject();
    json.Key("text_tokens");
    json.Uint64(input);
    json.Key("image_tokens");
    json.Uint64(0);
    json.EndObject();
    json.EndObject();
  }
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

} // namespace gatehouse::mock
