// POST /v1/messages and /v1/messages/count_tokens in Anthropic's wire format.
#pragma once

namespace gatehouse::mock {

class Exchange;

void answerAnthropicMessages(Exchange& exchange);
void answerAnthropicCountTokens(Exchange& exchange);

} // namespace gatehouse::mock
