#include "json_request.hpp"

#include <gatehouse/gateway/json_depth.hpp>

#include <rapidjson/error/en.h>

namespace gatehouse::gateway::json {
namespace {

// Most bodies fit in these, so parsing usually allocates nothing on the heap.
constexpr std::size_t kValueBufferBytes = 16 * 1024;
constexpr std::size_t kParseBufferBytes = 2 * 1024;
// Leaves room in the parse buffer for the pool's own chunk header.
constexpr std::size_t kParseStackBytes = 1024;
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

} // namespace

ParsedModelRequest parseJsonRequest(std::string_view body, gh_endpoint endpoint, Validator validate) {
  if (body.empty()) {
    return http::badRequest("The request body is empty; expected a JSON object.", {}, "invalid_json");
  }
  if (jsonNestingDepth(body) > kMaxJsonDepth) {
    return http::badRequest("The JSON body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels.",
                            {}, "json_too_deep");
  }
  char valueBuffer[kValueBufferBytes];
  char parseBuffer[kParseBufferBytes];
  PoolAllocator valueAllocator(valueBuffer, sizeof valueBuffer);
  PoolAllocator parseAllocator(parseBuffer, sizeof parseBuffer);
  Document document(&valueAllocator, kParseStackBytes, &parseAllocator);
  document.Parse<kParseFlags>(body.data(), body.size());
  if (document.HasParseError()) {
    return http::badRequest(std::string("We could not parse the JSON body of your request: ") +
                                rapidjson::GetParseError_En(document.GetParseError()) + " (at byte " +
                                std::to_string(document.GetErrorOffset()) + ").",
                            {}, "invalid_json");
  }
  if (!document.IsObject()) {
    return http::badRequest("The request body must be a JSON object.", {}, "invalid_request_body");
  }
  ModelRequest request;
  request.endpoint = endpoint;
  if (auto error = validate(document, request))
    return *std::move(error);
  return request;
}

http::ApiError missing(const std::string& param) {
  return http::badRequest("Missing required parameter: '" + param + "'.", param,
                          "missing_required_parameter");
}

http::ApiError wrongType(const std::string& param, std::string_view expected) {
  return http::badRequest("Invalid type for '" + param + "': expected " + std::string(expected) + ".", param,
                          "invalid_type");
}

http::ApiError invalidValue(const std::string& param, std::string message) {
  return http::badRequest(std::move(message), param, "invalid_value");
}

std::optional<http::ApiError> readModel(const Value& root, ModelRequest& request) {
  const auto model = root.FindMember("model");
  if (model == root.MemberEnd())
    return missing("model");
  if (!model->value.IsString())
    return wrongType("model", "a string");
  if (model->value.GetStringLength() == 0)
    return invalidValue("model", "'model' must not be empty.");
  request.model.assign(model->value.GetString(), model->value.GetStringLength());
  return std::nullopt;
}

std::optional<http::ApiError> readStream(const Value& root, ModelRequest& request) {
  const auto stream = root.FindMember("stream");
  if (stream == root.MemberEnd() || stream->value.IsNull())
    return std::nullopt;
  if (!stream->value.IsBool())
    return wrongType("stream", "a boolean");
  request.stream = stream->value.GetBool();
  return std::nullopt;
}

std::optional<http::ApiError> requireText(const Value& root, const char* name) {
  const auto member = root.FindMember(name);
  if (member == root.MemberEnd())
    return missing(name);
  if (!member->value.IsString())
    return wrongType(name, "a string");
  if (member->value.GetStringLength() == 0)
    return invalidValue(name, "'" + std::string(name) + "' must not be empty.");
  return std::nullopt;
}

} // namespace gatehouse::gateway::json
