#include "tool_schema.hpp"

#include <algorithm>
#include <cctype>

#include "json_text.hpp"

namespace gatehouse::mock {

ToolDeclaration toolDeclaration(std::string_view name, const rapidjson::Value* schema) {
  ToolDeclaration tool;
  tool.name = std::string(name);
  const auto* properties = schema ? member(*schema, "properties") : nullptr;
  if (!properties || !properties->IsObject())
    return tool;
  for (const auto& property : properties->GetObject()) {
    std::string type;
    if (const auto* typeValue = member(property.value, "type")) {
      // JSON schema allows ["string", "null"]: the first type decides.
      if (typeValue->IsString())
        type = std::string(stringView(*typeValue));
      else if (typeValue->IsArray() && !typeValue->Empty() && (*typeValue)[0].IsString())
        type = std::string(stringView((*typeValue)[0]));
    }
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    tool.properties.emplace_back(std::string(stringView(property.name)), std::move(type));
  }
  return tool;
}

} // namespace gatehouse::mock
