// POST /v1beta/models/{model}:batchEmbedContents and :embedContent.
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

void answerGeminiEmbedding(Exchange& exchange, std::string_view fullModel, bool batch);

} // namespace gatehouse::mock
