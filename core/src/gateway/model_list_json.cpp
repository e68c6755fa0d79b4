#include <gatehouse/gateway/model_list_json.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::gateway {
namespace {

void writeString(rapidjson::Writer<rapidjson::StringBuffer>& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

} // namespace

std::string renderModelList(const std::vector<ListedModel>& models) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
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
    writeString(writer, model.ownedBy);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::variant<std::vector<ListedModel>, std::string> parseModelList(std::string_view json,
                                                                   std::int64_t defaultCreated) {
  rapidjson::Document document;
  // Iterative: the text comes from an upstream, and its nesting must not cost our stack.
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                         json.size());
  if (document.HasParseError())
    return std::string("not JSON: ") + rapidjson::GetParseError_En(document.GetParseError());
  if (!document.IsObject())
    return std::string("not a JSON object");
  const auto data = document.FindMember("data");
  if (data == document.MemberEnd() || !data->value.IsArray())
    return std::string("no \"data\" array");
  std::vector<ListedModel> models;
  models.reserve(data->value.Size());
  for (const auto& item : data->value.GetArray()) {
    if (!item.IsObject())
      continue;
    const auto id = item.FindMember("id");
    if (id == item.MemberEnd() || !id->value.IsString() || id->value.GetStringLength() == 0)
      continue;
    ListedModel model;
    model.id.assign(id->value.GetString(), id->value.GetStringLength());
    const auto created = item.FindMember("created");
    model.created =
        created != item.MemberEnd() && created->value.IsInt64() ? created->value.GetInt64() : defaultCreated;
    models.push_back(std::move(model));
  }
  return models;
}

} // namespace gatehouse::gateway
