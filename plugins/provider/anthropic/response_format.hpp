// What the OpenAI "response_format" asks for, and how the provider gets it from Claude,
// which has no response format parameter:
//   {"type":"text"}         nothing to do.
//   {"type":"json_object"}  a system instruction to answer with one JSON object and
//                           nothing else (best effort, as OpenAI's JSON mode itself).
//   {"type":"json_schema","json_schema":{"name","description"?,"schema","strict"?}}
//                           a tool named after the schema, whose input_schema is the
//                           schema, is added and the model is made to call it; the call's
//                           input (JSON matching the schema) becomes the answer's content
//                           and finish_reason "stop". "strict" is not enforceable and ignored.
#pragma once

#include <optional>
#include <string>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

inline constexpr std::string_view kJsonObjectInstruction =
    "Respond with a single valid JSON object only: no text, explanation or code fence before or after it.";
inline constexpr std::string_view kDefaultResponseToolName = "json_response";

struct ResponseFormatPlan {
  std::optional<std::string> systemInstruction; // json_object
  std::optional<std::string> toolName;          // json_schema: the tool whose input is the answer
  rapidjson::Value tool;                        // its definition (null without json_schema)
};

// `responseFormat` may be nullptr (absent). Throws a 400 naming the parameter for an
// unknown type or a schema that is not an object schema.
ResponseFormatPlan planResponseFormat(const rapidjson::Value* responseFormat,
                                      providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::anthropic
