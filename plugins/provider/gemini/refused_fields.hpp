// Which OpenAI chat fields the gemini provider takes. A field Gemini cannot honour whose
// loss would change the answer is refused with 400 naming it rather than silently dropped:
//   logprobs: true, top_logprobs above 0, logit_bias (non-empty), audio, modalities other
//   than ["text"], functions / function_call (the deprecated forms of tools),
//   web_search_options, verbosity other than "medium", and any field not listed below
// Accepted and ignored, because they do not change the answer: user, metadata, store,
// service_tier, prediction, prompt_cache_key, safety_identifier. Everything else is
// translated elsewhere (chat_request.cpp lists them).
#pragma once

#include <rapidjson/document.h>

namespace gatehouse::plugins::gemini {

// Throws ClientError 400 for the first refused field `body` sets.
void refuseUnsupportedFields(const rapidjson::Value& body);

} // namespace gatehouse::plugins::gemini
