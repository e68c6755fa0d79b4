// Anthropic's model list (GET /v1/models, paged) as OpenAI's:
//   {"data":[{"type":"model","id":I,"display_name":D,"created_at":"2025-02-19T00:00:00Z"}],
//    "has_more":true,"first_id":...,"last_id":L}
//   -> {"object":"list","data":[{"id":I,"object":"model","created":<unix seconds>,
//       "owned_by":"anthropic"}]} (written by providers::modelListJson)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model_list_json.hpp"

namespace gatehouse::plugins::anthropic {

struct ModelPage {
  std::vector<providers::ListedModel> models; // created 0 when created_at is missing or unreadable
  std::optional<std::string> nextAfterId;     // set when has_more: ask again with after_id
};

// Throws sdk::Error(GH_ERROR_UPSTREAM) naming `providerName` for a body that is not a list.
ModelPage readModelPage(std::string_view anthropicBody, std::string_view providerName);

// "2025-02-19T00:00:00Z" (RFC 3339, any offset, fractions ignored) as unix seconds;
// nullopt when it cannot be read.
std::optional<std::int64_t> parseTimestamp(std::string_view text);

} // namespace gatehouse::plugins::anthropic
