// Reads a Gemini GenerateContentRequest body.
#pragma once

#include <rapidjson/document.h>

#include <optional>

#include "reply_plan.hpp"
#include "request_problem.hpp"

namespace gatehouse::mock {

// Field names may come in lowerCamelCase or snake_case: the API's JSON mapping accepts both.
const rapidjson::Value* geminiMember(const rapidjson::Value& object, const char* camelName,
                                     const char* snakeName);

std::optional<RequestProblem> readGeminiRequest(const rapidjson::Value& body, ConversationFacts& out);

} // namespace gatehouse::mock
