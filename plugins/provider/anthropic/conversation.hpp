// OpenAI "messages" as Anthropic's top-level "system" and "messages":
//  - system and developer messages, wherever they stand, become system text blocks in order
//    (Anthropic has no system role inside the conversation);
//  - user messages become user turns (text and image blocks);
//  - assistant messages become assistant turns: text blocks, then one tool_use block per
//    tool call (its arguments parsed; JSON that is not an object is refused);
//  - tool messages become tool_result blocks of a user turn;
//  - consecutive turns of one role are merged, so parallel tool results share one turn.
// A message's "name" is ignored (Anthropic has no field for it).
#pragma once

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

struct Conversation {
  rapidjson::Value systemBlocks{rapidjson::kArrayType}; // text blocks, possibly none
  rapidjson::Value messages{rapidjson::kArrayType};     // alternating user/assistant turns
};

// Throws sdk::Error(GH_ERROR_INVALID_ARGUMENT) naming the message (e.g. "messages[2].role").
Conversation translateConversation(const rapidjson::Value& messages, providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::anthropic
