// OpenAI's model list document, both ways:
//   {"object":"list","data":[{"id":"...","object":"model","created":0,"owned_by":"..."}]}
// GET /v1/models renders it; a provider listing its upstream's models answers with it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gatehouse::gateway {

struct ListedModel {
  std::string id;
  std::string ownedBy;
  std::int64_t created = 0; // unix seconds
};

std::string renderModelList(const std::vector<ListedModel>& models);

// The entries of a list document: each data[] item's "id" (a non-empty string; items
// without one are skipped) and "created" (an integer; `defaultCreated` otherwise).
// "owned_by" is left empty for the caller to decide. An explanation instead when the
// text is not JSON or has no "data" array.
std::variant<std::vector<ListedModel>, std::string> parseModelList(std::string_view json,
                                                                   std::int64_t defaultCreated);

} // namespace gatehouse::gateway
