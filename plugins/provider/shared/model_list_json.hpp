// OpenAI's model list, for providers whose upstream lists its models another way (or in
// pages): {"object":"list","data":[{"id","object":"model","created","owned_by"}]}.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::providers {

struct ListedModel {
  std::string id;
  std::int64_t created = 0; // unix seconds; 0 when the upstream does not say
};

// `ownedBy` is the same for every model: the provider that serves them here.
std::string modelListJson(const std::vector<ListedModel>& models, std::string_view ownedBy);

} // namespace gatehouse::providers
