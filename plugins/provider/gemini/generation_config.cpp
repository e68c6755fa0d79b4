#include "generation_config.hpp"

#include <array>
#include <string>
#include <utility>

#include "client_error.hpp"
#include "schema_cleaner.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using rapidjson::Value;

const Value& number(const Value& value, const char* param) {
  if (!value.IsNumber()) {
    throw invalidParam(param, std::string(param) + " must be a number");
  }
  return value;
}

std::int64_t positiveInteger(const Value& value, const char* param) {
  if (!value.IsInt64() || value.GetInt64() < 1) {
    throw invalidParam(param, std::string(param) + " must be a positive integer");
  }
  return value.GetInt64();
}

Value stopSequences(const Value& stop, providers::JsonAllocator& allocator) {
  Value sequences(rapidjson::kArrayType);
  if (stop.IsString()) {
    sequences.PushBack(Value(stop, allocator), allocator);
    return sequences;
  }
  if (!stop.IsArray()) {
    throw invalidParam("stop", "stop must be a string or an array of strings");
  }
  for (const Value& sequence : stop.GetArray()) {
    if (!sequence.IsString()) {
      throw invalidParam("stop", "stop must be a string or an array of strings");
    }
    sequences.PushBack(Value(sequence, allocator), allocator);
  }
  return sequences;
}

void addResponseFormat(const Value& format, Value& config, providers::JsonAllocator& allocator) {
  if (!format.IsObject()) {
    throw invalidParam("response_format", "response_format must be an object");
  }
  const std::string_view type = providers::stringMember(format, "type");
  if (type == "text") {
    return;
  }
  if (type != "json_object" && type != "json_schema") {
    throw invalidParam("response_format.type",
                       "response_format.type must be \"text\", \"json_object\" or \"json_schema\"");
  }
  config.AddMember("responseMimeType", "application/json", allocator);
  if (type == "json_object") {
    return;
  }
  const Value* jsonSchema = providers::findMember(format, "json_schema");
  if (jsonSchema == nullptr || !jsonSchema->IsObject()) {
    throw invalidParam("response_format.json_schema", "response_format.json_schema must be an object");
  }
  if (const Value* schema = providers::findSet(*jsonSchema, "schema")) {
    config.AddMember("responseSchema", cleanSchema(*schema, "response_format.json_schema.schema", allocator),
                     allocator);
  }
}

Value thinkingConfig(const Value& effort, providers::JsonAllocator& allocator) {
  static constexpr std::array<std::pair<std::string_view, int>, 5> kBudgets = {
      {{"none", 0}, {"minimal", 1024}, {"low", 1024}, {"medium", 8192}, {"high", 24576}}};
  for (const auto& [name, budget] : kBudgets) {
    if (providers::stringView(effort) == name) {
      Value config(rapidjson::kObjectType);
      config.AddMember("thinkingBudget", budget, allocator);
      return config;
    }
  }
  throw invalidParam("reasoning_effort",
                     "reasoning_effort must be \"none\", \"minimal\", \"low\", \"medium\" or \"high\"");
}

void addPenalty(const Value& body, const char* param, const char* geminiName, Value& config,
                providers::JsonAllocator& allocator) {
  if (const Value* penalty = providers::findSet(body, param);
      penalty != nullptr && number(*penalty, param).GetDouble() != 0) {
    config.AddMember(rapidjson::StringRef(geminiName), Value(*penalty, allocator), allocator);
  }
}

} // namespace

void translateGenerationConfig(const rapidjson::Value& body, rapidjson::Value& request,
                               providers::JsonAllocator& allocator) {
  Value config(rapidjson::kObjectType);
  if (const Value* temperature = providers::findSet(body, "temperature")) {
    config.AddMember("temperature", Value(number(*temperature, "temperature"), allocator), allocator);
  }
  if (const Value* topP = providers::findSet(body, "top_p")) {
    config.AddMember("topP", Value(number(*topP, "top_p"), allocator), allocator);
  }
  if (const Value* topK = providers::findSet(body, "top_k")) {
    config.AddMember("topK", positiveInteger(*topK, "top_k"), allocator);
  }
  if (const Value* limit = providers::findSet(body, "max_completion_tokens")) {
    config.AddMember("maxOutputTokens", positiveInteger(*limit, "max_completion_tokens"), allocator);
  } else if (const Value* legacyLimit = providers::findSet(body, "max_tokens")) {
    config.AddMember("maxOutputTokens", positiveInteger(*legacyLimit, "max_tokens"), allocator);
  }
  if (const Value* stop = providers::findSet(body, "stop")) {
    Value sequences = stopSequences(*stop, allocator);
    if (!sequences.Empty()) {
      config.AddMember("stopSequences", std::move(sequences), allocator);
    }
  }
  if (const Value* n = providers::findSet(body, "n")) {
    config.AddMember("candidateCount", positiveInteger(*n, "n"), allocator);
  }
  addPenalty(body, "presence_penalty", "presencePenalty", config, allocator);
  addPenalty(body, "frequency_penalty", "frequencyPenalty", config, allocator);
  if (const Value* seed = providers::findSet(body, "seed")) {
    if (!seed->IsInt64()) {
      throw invalidParam("seed", "seed must be an integer");
    }
    config.AddMember("seed", Value(*seed, allocator), allocator);
  }
  if (const Value* format = providers::findSet(body, "response_format")) {
    addResponseFormat(*format, config, allocator);
  }
  if (const Value* effort = providers::findSet(body, "reasoning_effort")) {
    config.AddMember("thinkingConfig", thinkingConfig(*effort, allocator), allocator);
  }
  if (!config.ObjectEmpty()) {
    request.AddMember("generationConfig", std::move(config), allocator);
  }
}

} // namespace gatehouse::plugins::gemini
