// One OpenAI message's content (a string, or an array of content parts) as Gemini parts:
//   text                      -> {"text"}            (empty texts are left out: Gemini refuses them)
//   refusal (assistant)       -> {"text"}
//   image_url data: URL       -> {"inlineData": {"mimeType", "data"}}
//   image_url http(s)/gs URL  -> {"fileData": {"mimeType", "fileUri"}}, the type guessed from
//                                the extension, else image/jpeg
//   input_audio {data,format} -> {"inlineData": {"mimeType": "audio/<format>", "data"}}
//   file {file_data}          -> {"inlineData"} (a data: URL, or base64 typed by the filename)
//   file {file_id}, anything else -> 400 naming the part
#pragma once

#include <rapidjson/document.h>

#include <string>

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

enum class AllowedParts {
  Text, // system, developer and assistant messages: text (and refusal) parts only
  Any,  // user messages
};

// Appends the parts for `content` to the array `parts`. `path` names the content in errors,
// e.g. "messages[1].content". Throws ClientError 400 for what Gemini cannot take.
void appendContentParts(const rapidjson::Value& content, const std::string& path, AllowedParts allowed,
                        rapidjson::Value& parts, providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::gemini
