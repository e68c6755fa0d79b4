#include "embeddings_request.hpp"

#include <rapidjson/document.h>

#include "client_error.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::gemini {
namespace {

[[noreturn]] void refuseTokens() {
  throw invalidParam("input", "input must be text: Gemini embeds strings, not token arrays");
}

void readInputs(const rapidjson::Value& input, EmbeddingsRequest& out) {
  if (input.IsString()) {
    out.inputs.emplace_back(providers::stringView(input));
    return;
  }
  if (!input.IsArray() || input.Empty()) {
    throw invalidParam("input", "input must be a string or a non-empty array of strings");
  }
  for (const rapidjson::Value& item : input.GetArray()) {
    if (item.IsNumber() || item.IsArray()) {
      refuseTokens();
    }
    if (!item.IsString()) {
      throw invalidParam("input", "input must be a string or a non-empty array of strings");
    }
    out.inputs.emplace_back(providers::stringView(item));
  }
}

} // namespace

EmbeddingsRequest parseEmbeddingsRequest(std::string_view body) {
  rapidjson::Document document;
  if (!providers::parseJson(body, document) || !document.IsObject()) {
    throw invalidParam("", "the request body must be a JSON object");
  }
  EmbeddingsRequest request;
  const rapidjson::Value* input = providers::findSet(document, "input");
  if (input == nullptr) {
    throw invalidParam("input", "input is required");
  }
  readInputs(*input, request);
  if (const rapidjson::Value* dimensions = providers::findSet(document, "dimensions")) {
    if (!dimensions->IsInt64() || dimensions->GetInt64() < 1) {
      throw invalidParam("dimensions", "dimensions must be a positive integer");
    }
    request.dimensions = dimensions->GetInt64();
  }
  if (const rapidjson::Value* format = providers::findSet(document, "encoding_format")) {
    const std::string_view name = providers::stringView(*format);
    if (name != "float" && name != "base64") {
      throw invalidParam("encoding_format", "encoding_format must be \"float\" or \"base64\"");
    }
    request.base64 = name == "base64";
  }
  return request;
}

std::string batchEmbedBody(const EmbeddingsRequest& request, std::size_t begin, std::size_t end,
                           std::string_view modelResource) {
  rapidjson::StringBuffer buffer;
  providers::JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("requests");
  writer.StartArray();
  for (std::size_t i = begin; i < end && i < request.inputs.size(); ++i) {
    writer.StartObject();
    writer.Key("model");
    providers::writeString(writer, modelResource);
    writer.Key("content");
    writer.StartObject();
    writer.Key("parts");
    writer.StartArray();
    writer.StartObject();
    writer.Key("text");
    providers::writeString(writer, request.inputs[i]);
    writer.EndObject();
    writer.EndArray();
    writer.EndObject();
    if (request.dimensions) {
      writer.Key("outputDimensionality");
      writer.Int64(*request.dimensions);
    }
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return providers::bufferText(buffer);
}

} // namespace gatehouse::plugins::gemini
