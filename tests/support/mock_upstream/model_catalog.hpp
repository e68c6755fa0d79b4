// The model listings: GET /v1/models (OpenAI or Anthropic shape), GET /v1beta/models.
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

// OpenAI's or Anthropic's shape, by the exchange's provider.
void answerModelList(Exchange& exchange);
void answerModel(Exchange& exchange, std::string_view id);
void answerGeminiModelList(Exchange& exchange);
void answerGeminiModel(Exchange& exchange, std::string_view model);

} // namespace gatehouse::mock
