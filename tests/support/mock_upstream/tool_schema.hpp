#pragma once

#include <rapidjson/document.h>

#include <string_view>

#include "reply_plan.hpp"

namespace gatehouse::mock {

// A tool declaration from its name and JSON schema (OpenAI "parameters", Anthropic
// "input_schema", Gemini "parameters"). Types are lower-cased: Gemini's older schema
// spells them "STRING", "INTEGER".
ToolDeclaration toolDeclaration(std::string_view name, const rapidjson::Value* schema);

} // namespace gatehouse::mock
