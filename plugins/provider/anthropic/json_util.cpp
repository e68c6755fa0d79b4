#include "json_util.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::plugins::anthropic {

const rapidjson::Value* findMember(const rapidjson::Value& object, std::string_view name) {
  if (!object.IsObject()) {
    return nullptr;
  }
  const auto found = object.FindMember(
      rapidjson::Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  if (found == object.MemberEnd() || found->value.IsNull()) {
    return nullptr;
  }
  return &found->value;
}

std::string_view stringView(const rapidjson::Value& value) {
  return std::string_view(value.GetString(), value.GetStringLength());
}

rapidjson::Value stringValue(std::string_view text, Allocator& allocator) {
  return rapidjson::Value(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator);
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool parseJson(std::string_view text, rapidjson::Document& document) {
  // Iterative parsing keeps a deeply nested body from exhausting the stack.
  document.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  return !document.HasParseError();
}

} // namespace gatehouse::plugins::anthropic
