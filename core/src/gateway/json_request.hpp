// Shared by the JSON endpoints' request parsers (internal to gatehouse_gateway, since it
// exposes RapidJSON types): one cheap parse of the body, then a per-endpoint validator,
// and the field checks those validators have in common.
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::json {

using PoolAllocator = rapidjson::MemoryPoolAllocator<>;
using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, PoolAllocator, PoolAllocator>;
using Value = Document::ValueType;

// Checks the parsed object and fills in what the gateway needs; nullopt when valid.
using Validator = std::optional<http::ApiError> (*)(const Value& root, ModelRequest& request);

// Parses `body` once (RapidJSON, iterative, UTF-8 validated, pooled allocators on the
// stack, so a typical body allocates nothing on the heap), refuses an empty body, one
// nested deeper than kMaxJsonDepth, malformed JSON or a non-object, then runs `validate`.
ParsedModelRequest parseJsonRequest(std::string_view body, gh_endpoint endpoint, Validator validate);

http::ApiError missing(const std::string& param);
http::ApiError wrongType(const std::string& param, std::string_view expected);
http::ApiError invalidValue(const std::string& param, std::string message);

// "model": required, a non-empty string; copied into request.model.
std::optional<http::ApiError> readModel(const Value& root, ModelRequest& request);
// "stream": optional, a boolean or null; sets request.stream.
std::optional<http::ApiError> readStream(const Value& root, ModelRequest& request);
// `name`: required, a non-empty string.
std::optional<http::ApiError> requireText(const Value& root, const char* name);

} // namespace gatehouse::gateway::json
