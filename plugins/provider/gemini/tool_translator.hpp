// OpenAI tools and tool_choice to Gemini tools.functionDeclarations and
// toolConfig.functionCallingConfig:
//   tools[i] (type "function")   -> {name, description, parameters: cleanSchema(parameters)};
//                                   parameters without properties are left out (Gemini
//                                   refuses an empty OBJECT); "strict" is ignored
//   tool_choice "auto" / "none" / "required" -> mode AUTO / NONE / ANY
//   tool_choice {"type":"function","function":{"name"}} -> ANY + allowedFunctionNames [name]
//   tool_choice {"type":"allowed_tools", mode "required"} -> ANY + the listed names
// Other tool types (web search, custom tools) and allowed_tools in "auto" mode are refused.
#pragma once

#include <rapidjson/document.h>

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

// Adds "tools" and "toolConfig" to the object `request` from the OpenAI `body`. A
// tool_choice without tools adds nothing. Throws ClientError 400 naming the field.
void translateTools(const rapidjson::Value& body, rapidjson::Value& request,
                    providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::gemini
