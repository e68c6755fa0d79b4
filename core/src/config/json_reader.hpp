// Strict, path-aware reading of one JSON object into plain values (private to the config
// loader). Every refusal throws ConfigError naming the exact JSON path of the bad value.
#pragma once

#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::config_detail {

// "$.a.b" for identifier-like keys, "$.a[\"odd key\"]" otherwise.
std::string memberPath(const std::string& parent, std::string_view key);
std::string elementPath(const std::string& parent, std::size_t index);

// `text` as a JSON string literal, quotes and escapes included.
std::string jsonQuoted(std::string_view text);

// A short rendering of a value for "got ..." in messages. Long strings are described, not
// shown, so a secret pasted into the wrong field is not echoed back in full.
std::string describeValue(const rapidjson::Value& value);

// Compact JSON for a value (used to keep plugin config blocks as text).
std::string toCompactJson(const rapidjson::Value& value);

enum class Presence { Optional, Required };

class ObjectReader {
public:
  // Refuses a non-object, any key not in `allowedKeys` and any key given twice, so that
  // typos fail at start instead of silently falling back to a default.
  ObjectReader(const rapidjson::Value& value, std::string path, std::string source,
               std::initializer_list<std::string_view> allowedKeys);

  const std::string& path() const { return path_; }
  const std::string& source() const { return source_; }
  std::string pathOf(std::string_view key) const { return memberPath(path_, key); }

  // The member's value, or nullptr when absent (a Required key throws instead).
  const rapidjson::Value* find(std::string_view key, Presence presence = Presence::Optional) const;

  // Each read leaves `out` untouched when the key is absent, so struct defaults apply.
  void readString(std::string_view key, std::string& out, Presence presence = Presence::Optional) const;
  void readNonEmptyString(std::string_view key, std::string& out,
                          Presence presence = Presence::Optional) const;
  void readBool(std::string_view key, bool& out) const;
  void readChoice(std::string_view key, std::string& out,
                  std::initializer_list<std::string_view> choices) const;
  void readStringArray(std::string_view key, std::vector<std::string>& out) const;
  // A free-form object kept as compact JSON text; "{}" when absent.
  void readObjectAsJson(std::string_view key, std::string& out) const;
  // Calls `each` for every element of an array member (absent: no calls).
  void forEachElement(std::string_view key, Presence presence,
                      const std::function<void(const rapidjson::Value&, const std::string&)>& each) const;

  template <typename Integer>
  void readInteger(std::string_view key, Integer& out, std::int64_t min, std::int64_t max) const {
    if (const rapidjson::Value* value = find(key)) {
      out = static_cast<Integer>(integerIn(*value, pathOf(key), min, max));
    }
  }

  [[noreturn]] void fail(const std::string& path, const std::string& detail) const;

private:
  std::int64_t integerIn(const rapidjson::Value& value, const std::string& path, std::int64_t min,
                         std::int64_t max) const;

  const rapidjson::Value& object_;
  std::string path_;
  std::string source_;
};

} // namespace gatehouse::config_detail
