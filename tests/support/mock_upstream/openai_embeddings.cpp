#include "openai_embeddings.hpp"

#include <cstring>

#include "credential_check.hpp"
#include "embedding_vector.hpp"
#include "encoding.hpp"
#include "exchange.hpp"
#include "json_text.hpp"
#include "openai_json_request.hpp"
#include "reply_plan.hpp"

namespace gatehouse::mock {
namespace {

constexpr std::size_t kDefaultDimensions = 1536;

struct EmbeddingInput {
  std::string seed;
  std::uint64_t tokens = 0;
};

// "input" may be a string, strings, a token array or token arrays.
std::optional<std::vector<EmbeddingInput>> readInputs(const rapidjson::Value& input) {
  std::vector<EmbeddingInput> inputs;
  auto tokenArray = [](const rapidjson::Value& array) -> std::optional<EmbeddingInput> {
    EmbeddingInput in;
    for (const auto& token : array.GetArray()) {
      if (!token.IsInt64())
        return std::nullopt;
      in.seed += std::to_string(token.GetInt64()) + ",";
      ++in.tokens;
    }
    return in;
  };
  if (input.IsString()) {
    inputs.push_back({std::string(stringView(input)), tokensForBytes(input.GetStringLength())});
    return inputs;
  }
  if (!input.IsArray() || input.Empty())
    return std::nullopt;
  if (input[0].IsInt64()) {
    auto single = tokenArray(input);
    if (!single)
      return std::nullopt;
    inputs.push_back(std::move(*single));
    return inputs;
  }
  for (const auto& item : input.GetArray()) {
    if (item.IsString()) {
      inputs.push_back({std::string(stringView(item)), tokensForBytes(item.GetStringLength())});
    } else if (item.IsArray()) {
      auto tokens = tokenArray(item);
      if (!tokens)
        return std::nullopt;
      inputs.push_back(std::move(*tokens));
    } else {
      return std::nullopt;
    }
  }
  return inputs;
}

} // namespace

void answerOpenAiEmbeddings(Exchange& exchange, std::string_view deployment) {
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
  const auto* input = member(*body, "input");
  auto inputs = input ? readInputs(*input) : std::nullopt;
  if (!inputs) {
    exchange.sendError(400,
                       input ? "'input' must be a string, an array of strings or an array of token arrays."
                             : "Missing required parameter: 'input'.",
                       "input");
    return;
  }
  auto dimensions = intMember(*body, "dimensions").value_or(kDefaultDimensions);
  if (dimensions < 1 || dimensions > 3072) {
    exchange.sendError(400, "'dimensions' must be between 1 and 3072.", "dimensions");
    return;
  }
  bool base64 = stringMember(*body, "encoding_format").value_or("float") == "base64";
  if (exchange.answeredWithFailure())
    return;

  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.SetMaxDecimalPlaces(9);
  std::uint64_t promptTokens = 0;
  json.StartObject();
  json.Key("object");
  json.String("list");
  json.Key("data");
  json.StartArray();
  for (std::size_t i = 0; i < inputs->size(); ++i) {
    const auto& in = (*inputs)[i];
    promptTokens += in.tokens;
    auto vector = mockEmbedding(in.seed, static_cast<std::size_t>(dimensions));
    json.StartObject();
    json.Key("object");
    json.String("embedding");
    json.Key("index");
    json.Uint64(i);
    json.Key("embedding");
    if (base64) {
      // Little-endian float32 bytes, as the API sends them (the hosts here are little-endian).
      std::string bytes(vector.size() * sizeof(float), '\0');
      std::memcpy(bytes.data(), vector.data(), bytes.size());
      writeString(json, base64Encode(bytes));
    } else {
      json.StartArray();
      for (float value : vector)
        json.Double(value);
      json.EndArray();
    }
    json.EndObject();
  }
  json.EndArray();
  json.Key("model");
  writeString(json, model);
  json.Key("usage");
  json.StartObject();
  json.Key("prompt_tokens");
  json.Uint64(promptTokens);
  json.Key("total_tokens");
  json.Uint64(promptTokens);
  json.EndObject();
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

} // namespace gatehouse::mock
