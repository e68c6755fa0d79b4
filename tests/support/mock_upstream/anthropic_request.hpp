// Reads an Anthropic Messages request body.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "reply_plan.hpp"
#include "request_problem.hpp"

namespace gatehouse::mock {

struct AnthropicRequest {
  std::string model; // as sent, a mock prefix included
  ConversationFacts facts;
  bool stream = false;
};

// `forCounting` is the count_tokens endpoint, which takes no max_tokens.
std::optional<RequestProblem> readAnthropicRequest(const rapidjson::Value& body, bool forCounting,
                                                   AnthropicRequest& out);

} // namespace gatehouse::mock
