// Small RapidJSON conveniences the translators share.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace gatehouse::plugins::anthropic {

using Allocator = rapidjson::MemoryPoolAllocator<>;

// The member `name` of `object`, or nullptr when `object` is not an object, has no such
// member, or it is JSON null (OpenAI clients send null for "not given").
const rapidjson::Value* findMember(const rapidjson::Value& object, std::string_view name);

// A string value's characters (embedded NULs included).
std::string_view stringView(const rapidjson::Value& value);

// A string value holding a copy of `text`.
rapidjson::Value stringValue(std::string_view text, Allocator& allocator);

// `value` serialised compactly.
std::string toJson(const rapidjson::Value& value);

// Parses `text`; returns false (leaving `document` unspecified) unless it is valid JSON.
bool parseJson(std::string_view text, rapidjson::Document& document);

} // namespace gatehouse::plugins::anthropic
