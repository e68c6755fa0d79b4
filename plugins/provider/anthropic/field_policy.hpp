// Which top-level OpenAI chat fields the anthropic provider takes, and which it refuses.
// A field that Claude cannot honour and that would change the answer is refused with a 400
// naming it, rather than dropped: n > 1, logprobs, top_logprobs > 0, non-zero
// presence/frequency penalties, a non-empty logit_bias, audio output (modalities, audio),
// reasoning_effort (other than "none"), web_search_options, the deprecated
// functions/function_call, and any field this provider does not know.
// Harmless fields are accepted and ignored: seed, service_tier, store, metadata,
// prediction, prompt_cache_key, and stream_options apart from include_usage.
// The fields the translation uses are checked where they are read.
#pragma once

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

// Throws sdk::Error(GH_ERROR_INVALID_ARGUMENT) for the first field the policy refuses.
void checkFieldPolicy(const rapidjson::Value& request);

} // namespace gatehouse::plugins::anthropic
