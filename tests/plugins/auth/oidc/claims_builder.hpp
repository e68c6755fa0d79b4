// Builds a token's claims for a test: starts from a set that passes every check and lets
// the test break exactly one thing.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <initializer_list>
#include <string>

namespace gatehouse::plugins::oidc::test {

class ClaimsBuilder {
public:
  ClaimsBuilder() { document_.SetObject(); }
  ClaimsBuilder(const ClaimsBuilder& other) { document_.CopyFrom(other.document_, document_.GetAllocator()); }
  ClaimsBuilder& operator=(const ClaimsBuilder& other) {
    if (this != &other) {
      document_.CopyFrom(other.document_, document_.GetAllocator());
    }
    return *this;
  }

  ClaimsBuilder& set(const std::string& name, const std::string& value) {
    return put(name,
               rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), allocator()));
  }
  ClaimsBuilder& set(const std::string& name, const char* value) { return set(name, std::string(value)); }
  ClaimsBuilder& set(const std::string& name, std::int64_t value) {
    return put(name, rapidjson::Value(value));
  }
  ClaimsBuilder& set(const std::string& name, int value) { return put(name, rapidjson::Value(value)); }
  ClaimsBuilder& set(const std::string& name, bool value) { return put(name, rapidjson::Value(value)); }
  ClaimsBuilder& set(const std::string& name, std::initializer_list<std::string> values) {
    rapidjson::Value array(rapidjson::kArrayType);
    for (const std::string& value : values) {
      array.PushBack(
          rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), allocator()),
          allocator());
    }
    return put(name, std::move(array));
  }
  // A raw JSON value, e.g. setJson("realm_access", R"({"roles":["a"]})").
  ClaimsBuilder& setJson(const std::string& name, const std::string& json) {
    rapidjson::Document parsed(&allocator());
    parsed.Parse(json.c_str());
    return put(name, rapidjson::Value(parsed, allocator()));
  }
  ClaimsBuilder& remove(const std::string& name) {
    document_.RemoveMember(name.c_str());
    return *this;
  }

  std::string json() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    document_.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
  }

private:
  rapidjson::Document::AllocatorType& allocator() { return document_.GetAllocator(); }
  ClaimsBuilder& put(const std::string& name, rapidjson::Value value) {
    document_.RemoveMember(name.c_str());
    document_.AddMember(
        rapidjson::Value(name.c_str(), static_cast<rapidjson::SizeType>(name.size()), allocator()), value,
        allocator());
    return *this;
  }

  rapidjson::Document document_;
};

} // namespace gatehouse::plugins::oidc::test
