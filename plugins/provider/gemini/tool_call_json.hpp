// One OpenAI tool call object, shared by complete responses and stream deltas:
//   {["index"],"id","type":"function","function":{"name","arguments"},
//    ["extra_content":{"google":{"thought_signature"}}]}
#pragma once

#include <optional>
#include <string_view>

#include "candidate.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

// `streamIndex` is the delta's "index" (stream chunks only).
void writeToolCall(providers::JsonWriter& writer, const FunctionCall& call, std::string_view id,
                   std::optional<int> streamIndex);

} // namespace gatehouse::plugins::gemini
