// Small RapidJSON helpers the provider translators share: member lookup that never throws
// and never asserts (RapidJSON asserts on a wrong type), and parsing and writing text.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

namespace gatehouse::providers {

using JsonAllocator = rapidjson::Document::AllocatorType;
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// The member named `name` of `object`, or nullptr when `object` is not an object or has
// no such member.
const rapidjson::Value* findMember(const rapidjson::Value& object, std::string_view name);
rapidjson::Value* findMember(rapidjson::Value& object, std::string_view name);

// Like findMember, but a JSON null reads as absent: OpenAI clients send `"stop": null`
// to mean "not set".
const rapidjson::Value* findSet(const rapidjson::Value& object, std::string_view name);

// The characters of a JSON string (embedded NULs kept); empty for a non-string.
std::string_view stringView(const rapidjson::Value& value);

// The string member `name` of `object`; empty when absent or not a string.
std::string_view stringMember(const rapidjson::Value& object, std::string_view name);

// A copy of `text` owned by `allocator`.
rapidjson::Value stringValue(std::string_view text, JsonAllocator& allocator);

// Writes `text` as a JSON string.
void writeString(JsonWriter& writer, std::string_view text);

// The text a writer produced into `buffer`.
std::string bufferText(const rapidjson::StringBuffer& buffer);

// Compact JSON text of `value`.
std::string toJson(const rapidjson::Value& value);

// Parses `text` into `document`; false (document in an error state) when it is not JSON.
// Iterative parsing, so a deeply nested body cannot exhaust the stack.
bool parseJson(std::string_view text, rapidjson::Document& document);

} // namespace gatehouse::providers
