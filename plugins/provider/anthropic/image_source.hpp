// The "source" of an Anthropic image block for an OpenAI image_url part:
//   https://...                      -> {"type":"url","url":...}  (Anthropic fetches it)
//   data:image/<t>;base64,<data>     -> {"type":"base64","media_type":"image/<t>","data":...}
// Anthropic reads jpeg, png, gif and webp; any other scheme or media type is refused with a
// 400 naming `param`, since dropping the image would change the answer.
#pragma once

#include <string_view>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

rapidjson::Value imageSource(std::string_view url, std::string_view param,
                             providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::anthropic
