#include "model_catalog.hpp"

#include <array>

#include "credential_check.hpp"
#include "exchange.hpp"
#include "json_text.hpp"

namespace gatehouse::mock {
namespace {

struct OpenAiModel {
  const char* id;
  std::int64_t created;
};
constexpr std::array<OpenAiModel, 6> kOpenAiModels = {{{"gpt-4o", 1715367049},
                                                       {"gpt-4o-mini", 1721172741},
                                                       {"text-embedding-3-small", 1705948997},
                                                       {"dall-e-3", 1698785189},
                                                       {"tts-1", 1681940951},
                                                       {"whisper-1", 1677532384}}};

struct AnthropicModel {
  const char* id;
  const char* displayName;
  const char* createdAt;
};
constexpr std::array<AnthropicModel, 3> kAnthropicModels = {
    {{"claude-sonnet-4-20250514", "Claude Sonnet 4", "2025-05-22T00:00:00Z"},
     {"claude-3-7-sonnet-20250219", "Claude Sonnet 3.7", "2025-02-24T00:00:00Z"},
     {"claude-3-5-haiku-20241022", "Claude Haiku 3.5", "2024-10-22T00:00:00Z"}}};

struct GeminiModel {
  const char* id;
  const char* displayName;
  bool embedding;
};
constexpr std::array<GeminiModel, 3> kGeminiModels = {{{"gemini-2.0-flash", "Gemini 2.0 Flash", false},
                                                       {"gemini-2.5-pro", "Gemini 2.5 Pro", false},
                                                       {"text-embedding-004", "Text Embedding 004", true}}};

void writeOpenAiModel(JsonWriter& json, std::string_view id, std::int64_t created) {
  json.StartObject();
  json.Key("id");
  writeString(json, id);
  json.Key("object");
  json.String("model");
  json.Key("created");
  json.Int64(created);
  json.Key("owned_by");
  json.String("system");
  json.EndObject();
}

void writeAnthropicModel(JsonWriter& json, std::string_view id, std::string_view displayName,
                         std::string_view createdAt) {
  json.StartObject();
  json.Key("type");
  json.String("model");
  json.Key("id");
  writeString(json, id);
  json.Key("display_name");
  writeString(json, displayName);
  json.Key("created_at");
  writeString(json, createdAt);
  json.EndObject();
}

void writeGeminiModel(JsonWriter& json, const GeminiModel& model) {
  json.StartObject();
  json.Key("name");
  writeString(json, std::string("models/") + model.id);
  json.Key("version");
  json.String("001");
  json.Key("displayName");
  json.String(model.displayName);
  json.Key("inputTokenLimit");
  json.Int(model.embedding ? 2048 : 1048576);
  json.Key("outputTokenLimit");
  json.Int(model.embedding ? 1 : 8192);
  json.Key("supportedGenerationMethods");
  json.StartArray();
  if (model.embedding) {
    json.String("embedContent");
  } else {
    json.String("generateContent");
    json.String("countTokens");
  }
  json.EndArray();
  json.EndObject();
}

bool admitted(Exchange& exchange) {
  return exchange.readScenarioHeader() && checkCredentials(exchange);
}

} // namespace

void answerModelList(Exchange& exchange) {
  if (!admitted(exchange) || exchange.answeredWithFailure())
    return;
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  if (exchange.provider() == Provider::Anthropic) {
    json.Key("data");
    json.StartArray();
    for (const auto& model : kAnthropicModels)
      writeAnthropicModel(json, model.id, model.displayName, model.createdAt);
    json.EndArray();
    json.Key("has_more");
    json.Bool(false);
    json.Key("first_id");
    json.String(kAnthropicModels.front().id);
    json.Key("last_id");
    json.String(kAnthropicModels.back().id);
  } else {
    json.Key("object");
    json.String("list");
    json.Key("data");
    json.StartArray();
    for (const auto& model : kOpenAiModels)
      writeOpenAiModel(json, model.id, model.created);
    json.EndArray();
  }
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

void answerModel(Exchange& exchange, std::string_view id) {
  if (!admitted(exchange) || exchange.answeredWithFailure())
    return;
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  // Any id exists: tests pick model names freely.
  if (exchange.provider() == Provider::Anthropic)
    writeAnthropicModel(json, id, id, "2025-01-01T00:00:00Z");
  else
    writeOpenAiModel(json, id, 1700000000);
  exchange.sendJson(200, bufferText(buffer));
}

void answerGeminiModelList(Exchange& exchange) {
  if (!admitted(exchange) || exchange.answeredWithFailure())
    return;
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("models");
  json.StartArray();
  for (const auto& model : kGeminiModels)
    writeGeminiModel(json, model);
  json.EndArray();
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

void answerGeminiModel(Exchange& exchange, std::string_view model) {
  if (!admitted(exchange) || exchange.answeredWithFailure())
    return;
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  std::string id(model);
  bool embedding = id.find("embedding") != std::string::npos;
  writeGeminiModel(json, GeminiModel{id.c_str(), id.c_str(), embedding});
  exchange.sendJson(200, bufferText(buffer));
}

} // namespace gatehouse::mock
