#include "json_util.hpp"

namespace gatehouse::providers {

const rapidjson::Value* findMember(const rapidjson::Value& object, std::string_view name) {
  if (!object.IsObject()) {
    return nullptr;
  }
  const auto found = object.FindMember(
      rapidjson::Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  return found == object.MemberEnd() ? nullptr : &found->value;
}

rapidjson::Value* findMember(rapidjson::Value& object, std::string_view name) {
  return const_cast<rapidjson::Value*>(findMember(static_cast<const rapidjson::Value&>(object), name));
}

const rapidjson::Value* findSet(const rapidjson::Value& object, std::string_view name) {
  const rapidjson::Value* value = findMember(object, name);
  return value == nullptr || value->IsNull() ? nullptr : value;
}

std::string_view stringView(const rapidjson::Value& value) {
  if (!value.IsString()) {
    return {};
  }
  return {value.GetString(), value.GetStringLength()};
}

std::string_view stringMember(const rapidjson::Value& object, std::string_view name) {
  const rapidjson::Value* value = findMember(object, name);
  return value == nullptr ? std::string_view() : stringView(*value);
}

rapidjson::Value stringValue(std::string_view text, JsonAllocator& allocator) {
  return rapidjson::Value(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

void writeString(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

std::string bufferText(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  value.Accept(writer);
  return bufferText(buffer);
}

bool parseJson(std::string_view text, rapidjson::Document& document) {
  document.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  return !document.HasParseError();
}

} // namespace gatehouse::providers
