// GET {base}/{version}/models pages ({"models":[{"name":"models/x",...}],"nextPageToken"})
// as OpenAI's model list, ids without the "models/" prefix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gemini_error.hpp"

namespace gatehouse::plugins::gemini {

struct ModelPage {
  std::vector<std::string> ids;
  std::string nextPageToken; // empty on the last page
};

// Throws ClientError 502 when `body` is not a ListModelsResponse.
ModelPage readModelPage(std::string_view body, const ErrorContext& errors);

} // namespace gatehouse::plugins::gemini
