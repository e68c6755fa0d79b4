#include "claims.hpp"

namespace gatehouse::plugins::oidc {
namespace {

const rapidjson::Value* member(const rapidjson::Value& object, std::string_view name) {
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

} // namespace

std::optional<Claims> Claims::parse(std::string_view json) {
  Claims claims;
  // Iterative: a deeply nested token cannot exhaust the stack.
  claims.document_.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (claims.document_.HasParseError() || !claims.document_.IsObject()) {
    return std::nullopt;
  }
  return claims;
}

Claims Claims::copyOf(const rapidjson::Value& object) {
  Claims claims;
  if (object.IsObject()) {
    claims.document_.CopyFrom(object, claims.document_.GetAllocator());
  }
  return claims;
}

const rapidjson::Value* Claims::find(std::string_view name) const {
  if (const rapidjson::Value* direct = member(document_, name)) {
    return direct;
  }
  const rapidjson::Value* current = &document_;
  while (current != nullptr && name.find('.') != std::string_view::npos) {
    const std::size_t dot = name.find('.');
    current = member(*current, name.substr(0, dot));
    name = name.substr(dot + 1);
  }
  return current == &document_ || current == nullptr ? nullptr : member(*current, name);
}

std::optional<std::string> Claims::string(std::string_view name) const {
  const rapidjson::Value* value = find(name);
  if (value == nullptr || !value->IsString()) {
    return std::nullopt;
  }
  return std::string(value->GetString(), value->GetStringLength());
}

std::vector<std::string> Claims::strings(std::string_view name) const {
  std::vector<std::string> list;
  const rapidjson::Value* value = find(name);
  if (value == nullptr) {
    return list;
  }
  if (value->IsString()) {
    list.emplace_back(value->GetString(), value->GetStringLength());
  } else if (value->IsArray()) {
    for (const auto& item : value->GetArray()) {
      if (item.IsString()) {
        list.emplace_back(item.GetString(), item.GetStringLength());
      }
    }
  }
  return list;
}

std::optional<double> Claims::number(std::string_view name, bool& malformed) const {
  malformed = false;
  const rapidjson::Value* value = member(document_, name);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->IsNumber()) {
    malformed = true;
    return std::nullopt;
  }
  return value->GetDouble();
}

void Claims::addMissing(const Claims& other) {
  auto& allocator = document_.GetAllocator();
  for (const auto& claim : other.document_.GetObject()) {
    if (!document_.HasMember(claim.name)) {
      document_.AddMember(rapidjson::Value(claim.name, allocator), rapidjson::Value(claim.value, allocator),
                          allocator);
    }
  }
}

} // namespace gatehouse::plugins::oidc
