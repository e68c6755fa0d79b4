// RapidJSON helpers shared by the provider formats.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::mock {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void writeString(JsonWriter& json, std::string_view text) {
  json.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}
inline void writeKey(JsonWriter& json, std::string_view key) {
  json.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
inline std::string bufferText(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Parses a request body. Iterative, so hostile nesting cannot overflow the small stacks
// of the connection threads. nullopt when the body is not one JSON object.
std::optional<rapidjson::Document> parseJsonObject(std::string_view body);

// Lookups that treat a wrong type like an absent member.
const rapidjson::Value* member(const rapidjson::Value& object, const char* name);
std::optional<std::string_view> stringMember(const rapidjson::Value& object, const char* name);
std::optional<std::int64_t> intMember(const rapidjson::Value& object, const char* name);
bool boolMember(const rapidjson::Value& object, const char* name, bool fallback);
std::string_view stringView(const rapidjson::Value& value);

// Serialises a value back to compact JSON text.
std::string toJson(const rapidjson::Value& value);

} // namespace gatehouse::mock
