#include "model_list_json.hpp"

#include "json_util.hpp"

namespace gatehouse::providers {

std::string modelListJson(const std::vector<ListedModel>& models, std::string_view ownedBy) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (const ListedModel& model : models) {
    writer.StartObject();
    writer.Key("id");
    writeString(writer, model.id);
    writer.Key("object");
    writer.String("model");
    writer.Key("created");
    writer.Int64(model.created);
    writer.Key("owned_by");
    writeString(writer, ownedBy);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return bufferText(buffer);
}

} // namespace gatehouse::providers
