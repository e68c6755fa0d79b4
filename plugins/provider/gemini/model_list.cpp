#include "model_list.hpp"

#include <rapidjson/document.h>

#include "client_error.hpp"
#include "json_access.hpp"

namespace gatehouse::plugins::gemini {

ModelPage readModelPage(std::string_view body, const ErrorContext& errors) {
  rapidjson::Document document;
  if (!parseJson(body, document) || !document.IsObject()) {
    throw ClientError(malformedAnswerError("a model list that is not JSON", errors));
  }
  ModelPage page;
  // An empty project answers {} rather than {"models": []}.
  if (const rapidjson::Value* models = findMember(document, "models")) {
    if (!models->IsArray()) {
      throw ClientError(malformedAnswerError("a model list without a models array", errors));
    }
    for (const rapidjson::Value& model : models->GetArray()) {
      std::string_view name = stringMember(model, "name");
      if (name.substr(0, 7) == "models/") {
        name.remove_prefix(7);
      }
      if (!name.empty()) {
        page.ids.emplace_back(name);
      }
    }
  }
  page.nextPageToken = std::string(stringMember(document, "nextPageToken"));
  return page;
}

std::string openAiModelList(const std::vector<std::string>& ids) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (const std::string& id : ids) {
    writer.StartObject();
    writer.Key("id");
    writeString(writer, id);
    writer.Key("object");
    writer.String("model");
    writer.Key("created");
    writer.Int(0);
    writer.Key("owned_by");
    writer.String("google");
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return bufferText(buffer);
}

} // namespace gatehouse::plugins::gemini
