// Reads an OpenAI Chat Completions request body.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "reply_plan.hpp"
#include "request_problem.hpp"

namespace gatehouse::mock {

struct OpenAiChatRequest {
  std::string model; // as sent, a mock prefix included
  ConversationFacts facts;
  bool stream = false;
  bool includeUsage = false;
  int choices = 1; // "n"
};

// `modelRequired` is false for Azure, where the deployment in the URL names the model.
std::optional<RequestProblem> readOpenAiChatRequest(const rapidjson::Value& body, bool modelRequired,
                                                    OpenAiChatRequest& out);

} // namespace gatehouse::mock
