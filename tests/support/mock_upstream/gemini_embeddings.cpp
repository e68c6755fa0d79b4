#include "gemini_embeddings.hpp"

#include <vector>

#include "credential_check.hpp"
#include "embedding_vector.hpp"
#include "exchange.hpp"
#include "gemini_request.hpp"
#include "json_text.hpp"

namespace gatehouse::mock {
namespace {

constexpr std::int64_t kDefaultDimensions = 768;

struct EmbedItem {
  std::string text;
  std::int64_t dimensions = kDefaultDimensions;
};

// One EmbedContentRequest: {"content":{"parts":[{"text":...}]},"outputDimensionality":N}.
std::optional<EmbedItem> readItem(const rapidjson::Value& request) {
  const auto* content = member(request, "content");
  const auto* parts = content ? member(*content, "parts") : nullptr;
  if (!parts || !parts->IsArray())
    return std::nullopt;
  EmbedItem item;
  for (const auto& part : parts->GetArray())
    item.text += stringMember(part, "text").value_or("");
  if (const auto* dimensions = geminiMember(request, "outputDimensionality", "output_dimensionality");
      dimensions && dimensions->IsInt64())
    item.dimensions = dimensions->GetInt64();
  if (item.dimensions < 1 || item.dimensions > 3072)
    return std::nullopt;
  return item;
}

void writeValues(JsonWriter& json, const EmbedItem& item) {
  json.StartObject();
  json.Key("values");
  json.StartArray();
  for (float value : mockEmbedding(item.text, static_cast<std::size_t>(item.dimensions)))
    json.Double(value);
  json.EndArray();
  json.EndObject();
}

} // namespace

void answerGeminiEmbedding(Exchange& exchange, std::string_view fullModel, bool batch) {
  std::string model;
  if (!exchange.readScenarioHeader() || !checkCredentials(exchange) ||
      !exchange.readModelScenario(fullModel, model))
    return;
  auto body = parseJsonObject(exchange.request().body);
  if (!body) {
    exchange.sendError(400, "Invalid JSON payload received.");
    return;
  }
  std::vector<EmbedItem> items;
  if (batch) {
    const auto* requests = member(*body, "requests");
    if (!requests || !requests->IsArray() || requests->Empty()) {
      exchange.sendError(400, "* BatchEmbedContentsRequest.requests: requests is not specified\n");
      return;
    }
    for (const auto& request : requests->GetArray()) {
      auto item = readItem(request);
      if (!item) {
        exchange.sendError(400, "* BatchEmbedContentsRequest.requests[].content: content is not specified\n");
        return;
      }
      items.push_back(std::move(*item));
    }
  } else {
    auto item = readItem(*body);
    if (!item) {
      exchange.sendError(400, "* EmbedContentRequest.content: content is not specified\n");
      return;
    }
    items.push_back(std::move(*item));
  }
  if (exchange.answeredWithFailure())
    return;

  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.SetMaxDecimalPlaces(9);
  json.StartObject();
  if (batch) {
    json.Key("embeddings");
    json.StartArray();
    for (const auto& item : items)
      writeValues(json, item);
    json.EndArray();
  } else {
    json.Key("embedding");
    writeValues(json, items.front());
  }
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

} // namespace gatehouse::mock
