#include "schema_cleaner.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "client_error.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using rapidjson::Value;

constexpr std::array<std::string_view, 3> kCopiedStrings = {"title", "description", "pattern"};
constexpr std::array<std::string_view, 6> kCopiedCounts = {"minItems",  "maxItems",      "minLength",
                                                           "maxLength", "minProperties", "maxProperties"};
constexpr std::array<std::string_view, 2> kCopiedNumbers = {"minimum", "maximum"};
constexpr std::array<std::string_view, 2> kCopiedValues = {"default", "example"};

// JSON Schema type name to Gemini's Type enum name; empty for an unknown name.
std::string_view geminiType(std::string_view jsonType) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kTypes = {{
      {"string", "STRING"},
      {"number", "NUMBER"},
      {"integer", "INTEGER"},
      {"boolean", "BOOLEAN"},
      {"array", "ARRAY"},
      {"object", "OBJECT"},
      {"null", "NULL"},
  }};
  for (const auto& [json, gemini] : kTypes) {
    if (json == jsonType) {
      return gemini;
    }
  }
  return {};
}

std::string_view typeOf(const Value& schema) {
  const Value* type = providers::findMember(schema, "type");
  return type == nullptr ? std::string_view() : providers::stringView(*type);
}

void setMember(Value& object, std::string_view name, Value value, providers::JsonAllocator& allocator) {
  if (Value* existing = providers::findMember(object, name)) {
    *existing = std::move(value);
    return;
  }
  object.AddMember(providers::stringValue(name, allocator), std::move(value), allocator);
}

// A JSON-pointer token with ~1 and ~0 unescaped (RFC 6901).
std::string unescapePointerToken(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

class Cleaner {
public:
  Cleaner(const Value& root, const std::string& where, providers::JsonAllocator& allocator)
      : root_(root), where_(where), allocator_(allocator) {}

  Value clean(const Value& node, const std::string& path, int depth) {
    if (++nodes_ > kMaxSchemaNodes) {
      refuse(path,
             "is too large (more than " + std::to_string(kMaxSchemaNodes) + " schemas after $ref inlining)");
    }
    if (depth > kMaxSchemaDepth) {
      refuse(path, "is nested too deeply (more than " + std::to_string(kMaxSchemaDepth) + " levels)");
    }
    if (!node.IsObject()) {
      refuse(path, "must be a JSON Schema object");
    }

    Value out = cleanOwnKeywords(node, path, depth);
    // $ref and allOf contribute what the node does not say itself, so a sibling
    // "description" beside a $ref wins over the referenced schema's.
    if (const Value* ref = providers::findMember(node, "$ref")) {
      mergeInto(out, inlineRef(*ref, path, depth));
    }
    if (const Value* all = providers::findMember(node, "allOf")) {
      if (!all->IsArray()) {
        refuse(path, "allOf must be an array");
      }
      for (rapidjson::SizeType i = 0; i < all->Size(); ++i) {
        mergeInto(out, clean((*all)[i], path + ".allOf[" + std::to_string(i) + "]", depth + 1));
      }
    }
    finish(out);
    return out;
  }

private:
  [[noreturn]] void refuse(const std::string& path, const std::string& why) const {
    throw invalidParam(where_, "Gemini cannot take this schema: " + path + " " + why);
  }

  Value cleanOwnKeywords(const Value& node, const std::string& path, int depth) {
    Value out(rapidjson::kObjectType);
    bool nullable = false;
    std::vector<Value> typeBranches;
    if (const Value* type = providers::findMember(node, "type")) {
      readType(*type, path, out, nullable, typeBranches);
    }
    copyKept(node, out);
    if (const Value* flag = providers::findMember(node, "nullable");
        flag != nullptr && flag->IsBool() && flag->GetBool()) {
      nullable = true;
    }
    if (const Value* values = providers::findMember(node, "enum")) {
      readEnum(*values, path, out, nullable);
    }
    if (const Value* constant = providers::findMember(node, "const")) {
      readConst(*constant, out, nullable);
    }
    if (const Value* format = providers::findMember(node, "format");
        format != nullptr && format->IsString()) {
      setMember(out, "format", Value(*format, allocator_), allocator_);
    }
    if (const Value* properties = providers::findMember(node, "properties")) {
      readProperties(*properties, path, depth, out);
    }
    if (const Value* items = providers::findMember(node, "items")) {
      if (!items->IsObject()) {
        refuse(path, "has tuple items (an array of schemas), which cannot be expressed");
      }
      setMember(out, "items", clean(*items, path + ".items", depth + 1), allocator_);
    }
    if (providers::findMember(node, "prefixItems") != nullptr) {
      refuse(path, "has prefixItems (a tuple), which cannot be expressed");
    }
    readAlternatives(node, path, depth, out, nullable, typeBranches);
    if (nullable) {
      setMember(out, "nullable", Value(true), allocator_);
    }
    return out;
  }

  void readType(const Value& type, const std::string& path, Value& out, bool& nullable,
                std::vector<Value>& branches) {
    std::vector<std::string_view> names;
    if (type.IsString()) {
      names.push_back(providers::stringView(type));
    } else if (type.IsArray()) {
      for (const Value& name : type.GetArray()) {
        if (!name.IsString()) {
          refuse(path, "has a type list with a non-string entry");
        }
        names.push_back(providers::stringView(name));
      }
    } else {
      refuse(path, "has a type that is neither a string nor a list");
    }
    std::vector<std::string_view> concrete;
    for (std::string_view name : names) {
      const std::string_view gemini = geminiType(name);
      if (gemini.empty()) {
        refuse(path, "has an unknown type '" + std::string(name) + "'");
      }
      if (gemini == "NULL" && names.size() > 1) {
        nullable = true;
      } else {
        concrete.push_back(gemini);
      }
    }
    if (concrete.size() == 1) {
      setMember(out, "type", providers::stringValue(concrete.front(), allocator_), allocator_);
      return;
    }
    for (std::string_view gemini : concrete) {
      Value branch(rapidjson::kObjectType);
      branch.AddMember("type", providers::stringValue(gemini, allocator_), allocator_);
      branches.push_back(std::move(branch));
    }
  }

  void copyKept(const Value& node, Value& out) {
    for (std::string_view key : kCopiedStrings) {
      if (const Value* value = providers::findMember(node, key); value != nullptr && value->IsString()) {
        setMember(out, key, Value(*value, allocator_), allocator_);
      }
    }
    for (std::string_view key : kCopiedCounts) {
      if (const Value* value = providers::findMember(node, key); value != nullptr && value->IsUint64()) {
        setMember(out, key, Value(value->GetUint64()), allocator_);
      }
    }
    for (std::string_view key : kCopiedNumbers) {
      if (const Value* value = providers::findMember(node, key); value != nullptr && value->IsNumber()) {
        setMember(out, key, Value(*value, allocator_), allocator_);
      }
    }
    for (std::string_view key : kCopiedValues) {
      if (const Value* value = providers::findMember(node, key)) {
        setMember(out, key, Value(*value, allocator_), allocator_);
      }
    }
    // Names that are not properties are dropped later, in finish().
    for (std::string_view key : {std::string_view("required"), std::string_view("propertyOrdering")}) {
      if (const Value* names = providers::findMember(node, key); names != nullptr && names->IsArray()) {
        setMember(out, key, Value(*names, allocator_), allocator_);
      }
    }
  }

  void readEnum(const Value& values, const std::string& path, Value& out, bool& nullable) {
    if (!values.IsArray()) {
      refuse(path, "has an enum that is not an array");
    }
    Value strings(rapidjson::kArrayType);
    std::vector<const Value*> others;
    for (const Value& value : values.GetArray()) {
      if (value.IsNull()) {
        nullable = true;
      } else if (value.IsString()) {
        strings.PushBack(Value(value, allocator_), allocator_);
      } else {
        others.push_back(&value);
      }
    }
    if (others.empty()) {
      setMember(out, "enum", std::move(strings), allocator_);
      return;
    }
    // Gemini enums hold strings only; turning 1 into "1" would change the arguments'
    // types, so the allowed values become a hint in the description instead.
    std::vector<const Value*> all;
    for (const Value& value : values.GetArray()) {
      if (!value.IsNull()) {
        all.push_back(&value);
      }
    }
    describeAllowed(all, out);
  }

  void readConst(const Value& constant, Value& out, bool& nullable) {
    if (constant.IsNull()) {
      nullable = true;
    } else if (constant.IsString()) {
      Value values(rapidjson::kArrayType);
      values.PushBack(Value(constant, allocator_), allocator_);
      setMember(out, "enum", std::move(values), allocator_);
    } else {
      describeAllowed({&constant}, out);
    }
  }

  void describeAllowed(const std::vector<const Value*>& values, Value& out) {
    std::string hint = "Allowed values: ";
    for (std::size_t i = 0; i < values.size(); ++i) {
      hint += i == 0 ? "" : ", ";
      hint += providers::toJson(*values[i]);
    }
    hint += ".";
    std::string description;
    if (const Value* existing = providers::findMember(out, "description")) {
      description = std::string(providers::stringView(*existing)) + "\n";
    }
    setMember(out, "description", providers::stringValue(description + hint, allocator_), allocator_);
  }

  void readProperties(const Value& properties, const std::string& path, int depth, Value& out) {
    if (!properties.IsObject()) {
      refuse(path, "has properties that are not an object");
    }
    Value cleaned(rapidjson::kObjectType);
    const std::string prefix = path + ".properties.";
    for (const auto& property : properties.GetObject()) {
      const std::string_view name = providers::stringView(property.name);
      cleaned.AddMember(providers::stringValue(name, allocator_),
                        clean(property.value, prefix + std::string(name), depth + 1), allocator_);
    }
    setMember(out, "properties", std::move(cleaned), allocator_);
  }

  void readAlternatives(const Value& node, const std::string& path, int depth, Value& out, bool& nullable,
                        std::vector<Value>& typeBranches) {
    const Value* anyOf = providers::findMember(node, "anyOf");
    const Value* oneOf = providers::findMember(node, "oneOf");
    if (anyOf != nullptr && oneOf != nullptr) {
      refuse(path, "has both anyOf and oneOf");
    }
    const Value* alternatives = anyOf != nullptr ? anyOf : oneOf;
    const std::string key = anyOf != nullptr ? ".anyOf" : ".oneOf";
    if (alternatives != nullptr && !typeBranches.empty()) {
      refuse(path, "has both a list of types and " + key.substr(1));
    }
    std::vector<Value> kept = std::move(typeBranches);
    if (alternatives != nullptr) {
      if (!alternatives->IsArray()) {
        refuse(path, key.substr(1) + " must be an array");
      }
      for (rapidjson::SizeType i = 0; i < alternatives->Size(); ++i) {
        Value branch = clean((*alternatives)[i], path + key + "[" + std::to_string(i) + "]", depth + 1);
        if (typeOf(branch) == "NULL") {
          nullable = true;
        } else {
          kept.push_back(std::move(branch));
        }
      }
    }
    if (kept.size() == 1) {
      mergeInto(out, std::move(kept.front()));
    } else if (kept.size() > 1) {
      Value list(rapidjson::kArrayType);
      for (Value& branch : kept) {
        list.PushBack(std::move(branch), allocator_);
      }
      setMember(out, "anyOf", std::move(list), allocator_);
    }
  }

  Value inlineRef(const Value& ref, const std::string& path, int depth) {
    if (!ref.IsString()) {
      refuse(path, "has a $ref that is not a string");
    }
    const std::string target(providers::stringView(ref));
    if (std::find(expanding_.begin(), expanding_.end(), target) != expanding_.end()) {
      refuse(path, "has a recursive $ref '" + target + "' (Gemini schemas cannot recurse)");
    }
    expanding_.push_back(target);
    Value cleaned = clean(resolve(target, path), path, depth + 1);
    expanding_.pop_back();
    return cleaned;
  }

  const Value& resolve(const std::string& target, const std::string& path) const {
    if (target.empty() || target.front() != '#') {
      refuse(path, "has a $ref '" + target + "' outside the schema; only '#/...' references can be inlined");
    }
    const Value* node = &root_;
    std::string_view rest = std::string_view(target).substr(1);
    while (!rest.empty()) {
      if (rest.front() != '/') {
        refuse(path, "has a malformed $ref '" + target + "'");
      }
      rest.remove_prefix(1);
      const std::size_t slash = rest.find('/');
      const std::string token = unescapePointerToken(rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
      const Value* next = nullptr;
      if (node->IsObject()) {
        next = providers::findMember(*node, token);
      } else if (node->IsArray() && !token.empty() &&
                 std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                 token.size() < 9 && std::stoul(token) < node->Size()) {
        next = &(*node)[static_cast<rapidjson::SizeType>(std::stoul(token))];
      }
      if (next == nullptr) {
        refuse(path, "has a $ref '" + target + "' that points to nothing");
      }
      node = next;
    }
    return *node;
  }

  // Adds what `from` says and `into` does not; properties and required are unions.
  void mergeInto(Value& into, Value from) {
    // Indexed loops: clang in C++20 finds RapidJSON's mutable member iterators' != ambiguous.
    for (rapidjson::SizeType i = 0; i < from.MemberCount(); ++i) {
      auto& member = *(from.MemberBegin() + i);
      const std::string_view name = providers::stringView(member.name);
      Value* existing = providers::findMember(into, name);
      if (existing == nullptr) {
        into.AddMember(Value(member.name, allocator_), std::move(member.value), allocator_);
      } else if (name == "properties" && existing->IsObject() && member.value.IsObject()) {
        for (rapidjson::SizeType j = 0; j < member.value.MemberCount(); ++j) {
          auto& property = *(member.value.MemberBegin() + j);
          if (providers::findMember(*existing, providers::stringView(property.name)) == nullptr) {
            existing->AddMember(Value(property.name, allocator_), std::move(property.value), allocator_);
          }
        }
      } else if (name == "required" && existing->IsArray() && member.value.IsArray()) {
        for (const Value& entry : member.value.GetArray()) {
          const auto& current = existing->GetArray();
          if (std::find(current.begin(), current.end(), entry) == current.end()) {
            existing->PushBack(Value(entry, allocator_), allocator_);
          }
        }
      } else if (name == "nullable" && member.value.IsBool() && member.value.GetBool()) {
        *existing = Value(true);
      }
    }
  }

  // Rules that need the whole node, after $ref and allOf were merged in.
  void finish(Value& out) {
    if (providers::findMember(out, "type") == nullptr && providers::findMember(out, "anyOf") == nullptr) {
      if (providers::findMember(out, "properties") != nullptr) {
        setMember(out, "type", Value("OBJECT"), allocator_);
      } else if (providers::findMember(out, "items") != nullptr) {
        setMember(out, "type", Value("ARRAY"), allocator_);
      } else if (providers::findMember(out, "enum") != nullptr) {
        setMember(out, "type", Value("STRING"), allocator_);
      }
    }
    if (const Value* format = providers::findMember(out, "format")) {
      const std::string_view value = providers::stringView(*format);
      if (typeOf(out) != "STRING" || (value != "enum" && value != "date-time")) {
        out.RemoveMember("format");
      }
    }
    if (const Value* properties = providers::findMember(out, "properties");
        properties != nullptr && properties->ObjectEmpty()) {
      out.RemoveMember("properties");
    }
    keepKnownNames(out, "required");
    keepKnownNames(out, "propertyOrdering");
  }

  // Gemini refuses a required (or ordered) name that is not a property. Every lookup is
  // fresh: RemoveMember moves another member into the removed one's slot.
  void keepKnownNames(Value& out, std::string_view key) {
    const Value* names = providers::findMember(out, key);
    if (names == nullptr) {
      return;
    }
    const Value* properties = providers::findMember(out, "properties");
    Value kept(rapidjson::kArrayType);
    if (names->IsArray() && properties != nullptr) {
      for (const Value& name : names->GetArray()) {
        if (name.IsString() && providers::findMember(*properties, providers::stringView(name)) != nullptr) {
          kept.PushBack(Value(name, allocator_), allocator_);
        }
      }
    }
    if (kept.Empty()) {
      out.RemoveMember(rapidjson::StringRef(key.data(), key.size()));
    } else {
      *providers::findMember(out, key) = std::move(kept);
    }
  }

  const Value& root_;
  const std::string& where_;
  providers::JsonAllocator& allocator_;
  int nodes_ = 0;
  std::vector<std::string> expanding_; // $refs being inlined, to catch recursion
};

} // namespace

rapidjson::Value cleanSchema(const rapidjson::Value& schema, const std::string& where,
                             providers::JsonAllocator& allocator) {
  Cleaner cleaner(schema, where, allocator);
  return cleaner.clean(schema, where, 0);
}

bool isEmptyObjectSchema(const rapidjson::Value& cleaned) {
  return typeOf(cleaned) == "OBJECT" && providers::findMember(cleaned, "properties") == nullptr &&
         providers::findMember(cleaned, "anyOf") == nullptr;
}

} // namespace gatehouse::plugins::gemini
