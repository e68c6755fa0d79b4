// OpenAI "tools", "tool_choice" and "parallel_tool_calls" as Anthropic "tools" and
// "tool_choice":
//   tools[i] {"type":"function","function":{name, description, parameters}}
//       -> {name, description, input_schema: parameters or an empty object schema}
//       ("strict" is ignored; a tool's "cache_control" is passed through)
//   tool_choice "auto" -> {"type":"auto"}, "none" -> {"type":"none"},
//       "required" -> {"type":"any"}, {"type":"function","function":{"name":N}} -> {"type":"tool","name":N}
//   parallel_tool_calls false -> tool_choice.disable_parallel_tool_use true
// With a json_schema response format the response tool joins the tools: the model must
// call some tool ("any") when the client's tools may be called, else the response tool
// itself; parallel calls are disabled so the answer is a single call. A client that names
// a function keeps it forced.
#pragma once

#include "json_util.hpp"
#include "response_format.hpp"

namespace gatehouse::plugins::anthropic {

struct ToolPlan {
  rapidjson::Value tools;      // null: no "tools" member
  rapidjson::Value toolChoice; // null: no "tool_choice" member
};

// Reads the three fields from the OpenAI `request`; moves the response tool out of `format`.
ToolPlan planTools(const rapidjson::Value& request, ResponseFormatPlan& format,
                   providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::anthropic
