#include "model_list.hpp"

#include <rapidjson/document.h>

#include "client_error.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

ModelPage readModelPage(std::string_view body, const ErrorContext& errors) {
  rapidjson::Document document;
  if (!providers::parseJson(body, document) || !document.IsObject()) {
    throw ClientError(malformedAnswerError("a model list that is not JSON", errors));
  }
  ModelPage page;
  // An empty project answers {} rather than {"models": []}.
  if (const rapidjson::Value* models = providers::findMember(document, "models")) {
    if (!models->IsArray()) {
      throw ClientError(malformedAnswerError("a model list without a models array", errors));
    }
    for (const rapidjson::Value& model : models->GetArray()) {
      std::string_view name = providers::stringMember(model, "name");
      if (name.substr(0, 7) == "models/") {
        name.remove_prefix(7);
      }
      if (!name.empty()) {
        page.ids.emplace_back(name);
      }
    }
  }
  page.nextPageToken = std::string(providers::stringMember(document, "nextPageToken"));
  return page;
}

} // namespace gatehouse::plugins::gemini
