#include "json_text.hpp"

namespace gatehouse::mock {

std::optional<rapidjson::Document> parseJsonObject(std::string_view body) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(body.data(),
                                                                                         body.size());
  if (document.HasParseError() || !document.IsObject())
    return std::nullopt;
  return document;
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject())
    return nullptr;
  auto found = object.FindMember(name);
  return found == object.MemberEnd() ? nullptr : &found->value;
}

std::optional<std::string_view> stringMember(const rapidjson::Value& object, const char* name) {
  const auto* value = member(object, name);
  if (!value || !value->IsString())
    return std::nullopt;
  return stringView(*value);
}

std::optional<std::int64_t> intMember(const rapidjson::Value& object, const char* name) {
  const auto* value = member(object, name);
  if (!value || !value->IsInt64())
    return std::nullopt;
  return value->GetInt64();
}

bool boolMember(const rapidjson::Value& object, const char* name, bool fallback) {
  const auto* value = member(object, name);
  return value && value->IsBool() ? value->GetBool() : fallback;
}

std::string_view stringView(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  value.Accept(json);
  return bufferText(buffer);
}

} // namespace gatehouse::mock
