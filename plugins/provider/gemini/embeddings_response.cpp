#include "embeddings_response.hpp"

#include <rapidjson/document.h>

#include <cstring>

#include "base64.hpp"
#include "client_error.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::gemini {
namespace {

std::string float32Base64(const Embedding& values) {
  std::string bytes;
  bytes.reserve(values.size() * 4);
  for (double value : values) {
    const float single = static_cast<float>(value);
    std::uint32_t bits = 0;
    std::memcpy(&bits, &single, sizeof bits);
    for (int shift = 0; shift < 32; shift += 8) {
      bytes += static_cast<char>(bits >> shift & 0xff);
    }
  }
  return base64Encode(bytes);
}

} // namespace

void readBatchEmbeddings(std::string_view body, std::size_t expected, std::vector<Embedding>& out,
                         const ErrorContext& errors) {
  rapidjson::Document document;
  const rapidjson::Value* embeddings =
      providers::parseJson(body, document) ? providers::findMember(document, "embeddings") : nullptr;
  if (embeddings == nullptr || !embeddings->IsArray()) {
    throw ClientError(malformedAnswerError("a body that is not a batchEmbedContents answer", errors));
  }
  if (embeddings->Size() != expected) {
    throw ClientError(malformedAnswerError(std::to_string(embeddings->Size()) + " embeddings for " +
                                               std::to_string(expected) + " inputs",
                                           errors));
  }
  for (const rapidjson::Value& embedding : embeddings->GetArray()) {
    const rapidjson::Value* values = providers::findMember(embedding, "values");
    if (values == nullptr || !values->IsArray()) {
      throw ClientError(malformedAnswerError("an embedding without values", errors));
    }
    Embedding vector;
    vector.reserve(values->Size());
    for (const rapidjson::Value& value : values->GetArray()) {
      if (!value.IsNumber()) {
        throw ClientError(malformedAnswerError("an embedding value that is not a number", errors));
      }
      vector.push_back(value.GetDouble());
    }
    out.push_back(std::move(vector));
  }
}

std::string openAiEmbeddings(const std::vector<Embedding>& embeddings, bool base64, std::string_view model,
                             std::int64_t promptTokens) {
  rapidjson::StringBuffer buffer;
  providers::JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (std::size_t i = 0; i < embeddings.size(); ++i) {
    writer.StartObject();
    writer.Key("object");
    writer.String("embedding");
    writer.Key("index");
    writer.Uint64(i);
    writer.Key("embedding");
    if (base64) {
      providers::writeString(writer, float32Base64(embeddings[i]));
    } else {
      writer.StartArray();
      for (double value : embeddings[i]) {
        writer.Double(value);
      }
      writer.EndArray();
    }
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("model");
  providers::writeString(writer, model);
  writer.Key("usage");
  writer.StartObject();
  writer.Key("prompt_tokens");
  writer.Int64(promptTokens);
  writer.Key("total_tokens");
  writer.Int64(promptTokens);
  writer.EndObject();
  writer.EndObject();
  return providers::bufferText(buffer);
}

std::int64_t estimateEmbeddingTokens(const std::vector<std::string>& inputs) {
  std::int64_t tokens = 0;
  for (const std::string& input : inputs) {
    std::int64_t codePoints = 0;
    for (char c : input) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++codePoints;
      }
    }
    tokens += (codePoints + 3) / 4;
  }
  return tokens;
}

} // namespace gatehouse::plugins::gemini
