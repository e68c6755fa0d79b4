// OpenAI message content (a string, or an array of content parts) as Anthropic content
// blocks. Empty text is left out (Anthropic refuses empty text blocks); a part's
// "cache_control" (prompt caching) is passed through unchanged. Parts that cannot be
// translated are refused with a 400 naming `param` and the part's index.
#pragma once

#include <string>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

// A user message: "text" and "image_url" parts.
rapidjson::Value userContentBlocks(const rapidjson::Value& content, const std::string& param,
                                   providers::JsonAllocator& allocator);

// A system, developer, assistant or tool message: "text" parts only, and for assistant
// messages also "refusal" parts (the model's earlier refusal, sent back as text).
rapidjson::Value textContentBlocks(const rapidjson::Value& content, const std::string& param,
                                   providers::JsonAllocator& allocator, bool acceptRefusal = false);

// {"type":"text","text":...}
rapidjson::Value textBlock(std::string_view text, providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::anthropic
