// A JWT's claims set (or a userinfo response): a JSON object read without trusting its
// shape, since the IdP, not the gateway, decides what each claim holds.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::plugins::oidc {

class Claims {
public:
  Claims() { document_.SetObject(); }
  // A copy of `object` (an empty set when it is not an object), e.g. one key of a JWKS.
  static Claims copyOf(const rapidjson::Value& object);

  // nullopt when `json` is not a JSON object.
  static std::optional<Claims> parse(std::string_view json);

  // The claim named `name`; a name with dots ("realm_access.roles") is first looked up
  // as it is, then as a path into nested objects. nullptr when absent or null.
  const rapidjson::Value* find(std::string_view name) const;

  // The claim when it is a string; nullopt otherwise.
  std::optional<std::string> string(std::string_view name) const;

  // A claim that is a string or an array of strings, as a list (other items skipped);
  // empty when absent or of another type.
  std::vector<std::string> strings(std::string_view name) const;

  // The top-level claim when it is a JSON number; nullopt when absent or of another type,
  // and then `malformed` tells which (true: present but not a number).
  std::optional<double> number(std::string_view name, bool& malformed) const;

  // Copies every claim of `other` that this set lacks (a userinfo response filling in
  // what the ID token left out; the signed ID token's own claims win).
  void addMissing(const Claims& other);

  const rapidjson::Value& json() const { return document_; }

private:
  rapidjson::Document document_;
};

} // namespace gatehouse::plugins::oidc
