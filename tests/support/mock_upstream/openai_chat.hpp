// POST /v1/chat/completions, and Azure's /openai/deployments/{deployment}/chat/completions.
#pragma once

#include <string_view>

namespace gatehouse::mock {

class Exchange;

// `deployment` is empty for OpenAI; for Azure it names the model when the body does not.
void answerOpenAiChat(Exchange& exchange, std::string_view deployment);

} // namespace gatehouse::mock
