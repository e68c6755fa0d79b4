// POST /v1beta/models/{model}:generateContent, :streamGenerateContent and :countTokens.
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

enum class GeminiStreaming {
  None,
  Sse,      // ?alt=sse: "data: {...}\r\n\r\n" per response
  JsonArray // the default without alt=sse: one JSON array, written response by response
};

void answerGeminiGenerate(Exchange& exchange, std::string_view fullModel, GeminiStreaming streaming);
void answerGeminiCountTokens(Exchange& exchange, std::string_view fullModel);

} // namespace gatehouse::mock
