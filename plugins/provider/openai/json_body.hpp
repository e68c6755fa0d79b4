// JSON request and response bodies: parse once, patch what must change, write once.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse::plugins::openai {

// The client's JSON body as a document. Numbers are parsed at full precision so that
// writing them back keeps their value. Throws sdk::Error(GH_ERROR_INVALID_ARGUMENT) when
// the body is not a JSON object.
rapidjson::Document parseRequestBody(std::string_view body);

// An upstream's JSON answer; false when `text` is not JSON.
bool parseJson(std::string_view text, rapidjson::Document& out);

// Sets "model" to `model`: its value is replaced where it stands, or the member is added
// at the end when the client sent none.
void setModel(rapidjson::Document& document, std::string_view model);

// A non-negative integer count from `object[key]`; 0 when absent or not a number.
std::int64_t readCount(const rapidjson::Value& object, const char* key);
// `object[key]` when `object` is an object holding an object there, else nullptr.
const rapidjson::Value* memberObject(const rapidjson::Value& object, const char* key);

} // namespace gatehouse::plugins::openai
