#include "json_reader.hpp"

#include <gatehouse/config/config_error.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <set>
#include <utility>

namespace gatehouse::config_detail {
namespace {

// Longer strings are described rather than quoted: a value this long in a field that
// wanted a number or a keyword is more likely a misplaced credential than a typo.
constexpr std::size_t kMaxQuotedStringBytes = 32;

bool isIdentifier(std::string_view key) {
  if (key.empty() || (key.front() >= '0' && key.front() <= '9')) {
    return false;
  }
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string_view view(const rapidjson::Value& string) {
  return {string.GetString(), string.GetStringLength()};
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknownKeyDetail(std::string_view key, std::initializer_list<std::string_view> allowedKeys) {
  std::string_view closest;
  std::size_t closestDistance = 3; // beyond two edits a suggestion is more noise than help
  for (std::string_view allowed : allowedKeys) {
    const std::size_t distance = editDistance(key, allowed);
    if (distance < closestDistance) {
      closest = allowed;
      closestDistance = distance;
    }
  }
  if (!closest.empty()) {
    return "unknown key (did you mean " + jsonQuoted(closest) + "?)";
  }
  std::string detail = "unknown key (allowed:";
  for (std::string_view allowed : allowedKeys) {
    detail.append(" ").append(allowed);
  }
  return detail + ")";
}

const char* typeName(const rapidjson::Value& value) {
  if (value.IsObject()) {
    return "an object";
  }
  if (value.IsArray()) {
    return "an array";
  }
  return "a value";
}

} // namespace

std::string jsonQuoted(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string memberPath(const std::string& parent, std::string_view key) {
  if (isIdentifier(key)) {
    return parent + "." + std::string(key);
  }
  return parent + "[" + jsonQuoted(key) + "]";
}

std::string elementPath(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string describeValue(const rapidjson::Value& value) {
  if (value.IsObject() || value.IsArray()) {
    return typeName(value);
  }
  if (value.IsString()) {
    if (value.GetStringLength() > kMaxQuotedStringBytes) {
      return "a string of " + std::to_string(value.GetStringLength()) + " bytes";
    }
    return jsonQuoted(view(value));
  }
  return toCompactJson(value); // null, true, false, numbers
}

std::string toCompactJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

ObjectReader::ObjectReader(const rapidjson::Value& value, std::string path, std::string source,
                           std::initializer_list<std::string_view> allowedKeys)
    : object_(value), path_(std::move(path)), source_(std::move(source)) {
  if (!value.IsObject()) {
    fail(path_, "expected an object, got " + describeValue(value));
  }
  std::set<std::string_view> seen;
  for (const auto& member : value.GetObject()) {
    const std::string_view key = view(member.name);
    if (std::find(allowedKeys.begin(), allowedKeys.end(), key) == allowedKeys.end()) {
      fail(pathOf(key), unknownKeyDetail(key, allowedKeys));
    }
    // RapidJSON keeps both copies of a repeated key; refusing is the only reading that
    // cannot surprise whoever edited the file.
    if (!seen.insert(key).second) {
      fail(pathOf(key), "duplicate key");
    }
  }
}

const rapidjson::Value* ObjectReader::find(std::string_view key, Presence presence) const {
  for (const auto& member : object_.GetObject()) {
    if (view(member.name) == key) {
      return &member.value;
    }
  }
  if (presence == Presence::Required) {
    fail(pathOf(key), "required key is missing");
  }
  return nullptr;
}

void ObjectReader::readString(std::string_view key, std::string& out, Presence presence) const {
  const rapidjson::Value* value = find(key, presence);
  if (value == nullptr) {
    return;
  }
  if (!value->IsString()) {
    fail(pathOf(key), "expected a string, got " + describeValue(*value));
  }
  out.assign(value->GetString(), value->GetStringLength());
}

void ObjectReader::readNonEmptyString(std::string_view key, std::string& out, Presence presence) const {
  const rapidjson::Value* value = find(key, presence);
  if (value == nullptr) {
    return;
  }
  if (!value->IsString() || value->GetStringLength() == 0) {
    fail(pathOf(key), "expected a non-empty string, got " + describeValue(*value));
  }
  out.assign(value->GetString(), value->GetStringLength());
}

void ObjectReader::readBool(std::string_view key, bool& out) const {
  const rapidjson::Value* value = find(key);
  if (value == nullptr) {
    return;
  }
  if (!value->IsBool()) {
    fail(pathOf(key), "expected true or false, got " + describeValue(*value));
  }
  out = value->GetBool();
}

void ObjectReader::readChoice(std::string_view key, std::string& out,
                              std::initializer_list<std::string_view> choices) const {
  const rapidjson::Value* value = find(key);
  if (value == nullptr) {
    return;
  }
  if (value->IsString() && std::find(choices.begin(), choices.end(), view(*value)) != choices.end()) {
    out.assign(value->GetString(), value->GetStringLength());
    return;
  }
  std::string expected = "expected one of ";
  for (std::string_view choice : choices) {
    if (choice != *choices.begin()) {
      expected.append(", ");
    }
    expected.append(jsonQuoted(choice));
  }
  fail(pathOf(key), expected + ", got " + describeValue(*value));
}

void ObjectReader::readStringArray(std::string_view key, std::vector<std::string>& out) const {
  std::vector<std::string> strings;
  forEachElement(key, Presence::Optional, [&](const rapidjson::Value& element, const std::string& path) {
    if (!element.IsString()) {
      fail(path, "expected a string, got " + describeValue(element));
    }
    strings.emplace_back(element.GetString(), element.GetStringLength());
  });
  if (find(key) != nullptr) {
    out = std::move(strings);
  }
}

void ObjectReader::readObjectAsJson(std::string_view key, std::string& out) const {
  const rapidjson::Value* value = find(key);
  if (value == nullptr) {
    out = "{}";
    return;
  }
  if (!value->IsObject()) {
    fail(pathOf(key), "expected an object, got " + describeValue(*value));
  }
  out = toCompactJson(*value);
}

void ObjectReader::forEachElement(
    std::string_view key, Presence presence,
    const std::function<void(const rapidjson::Value&, const std::string&)>& each) const {
  const rapidjson::Value* value = find(key, presence);
  if (value == nullptr) {
    return;
  }
  const std::string arrayPath = pathOf(key);
  if (!value->IsArray()) {
    fail(arrayPath, "expected an array, got " + describeValue(*value));
  }
  for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
    each((*value)[i], elementPath(arrayPath, i));
  }
}

std::int64_t ObjectReader::integerIn(const rapidjson::Value& value, const std::string& path, std::int64_t min,
                                     std::int64_t max) const {
  if (!value.IsInt64() || value.GetInt64() < min || value.GetInt64() > max) {
    fail(path, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                   describeValue(value));
  }
  return value.GetInt64();
}

void ObjectReader::fail(const std::string& path, const std::string& detail) const {
  throw ConfigError(source_, path, detail);
}

} // namespace gatehouse::config_detail
