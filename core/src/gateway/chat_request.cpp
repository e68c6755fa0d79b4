#include <gatehouse/gateway/chat_request.hpp>
#include <gatehouse/gateway/json_depth.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace gatehouse::gateway {
namespace {

// Most chat bodies fit in these, so parsing usually allocates nothing on the heap.
constexpr std::size_t kValueBufferBytes = 16 * 1024;
constexpr std::size_t kParseBufferBytes = 2 * 1024;
// Leaves room in the parse buffer for the pool's own chunk header.
constexpr std::size_t kParseStackBytes = 1024;
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

using PoolAllocator = rapidjson::MemoryPoolAllocator<>;
using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, PoolAllocator, PoolAllocator>;
using Value = Document::ValueType;

http::ApiError missing(const std::string& param) {
  return http::badRequest("Missing required parameter: '" + param + "'.", param,
                          "missing_required_parameter");
}

http::ApiError wrongType(const std::string& param, std::string_view expected) {
  return http::badRequest("Invalid type for '" + param + "': expected " + std::string(expected) + ".", param,
                          "invalid_type");
}

std::variant<ChatRequest, http::ApiError> validate(const Value& root) {
  if (!root.IsObject()) {
    return http::badRequest("The request body must be a JSON object.", {}, "invalid_request_body");
  }
  ChatRequest request;
  const auto model = root.FindMember("model");
  if (model == root.MemberEnd())
    return missing("model");
  if (!model->value.IsString())
    return wrongType("model", "a string");
  if (model->value.GetStringLength() == 0) {
    return http::badRequest("'model' must not be empty.", "model", "invalid_value");
  }
  request.model.assign(model->value.GetString(), model->value.GetStringLength());

  const auto messages = root.FindMember("messages");
  if (messages == root.MemberEnd())
    return missing("messages");
  if (!messages->value.IsArray())
    return wrongType("messages", "an array");
  if (messages->value.Empty()) {
    return http::badRequest("'messages' must contain at least one message.", "messages", "empty_array");
  }
  rapidjson::SizeType index = 0;
  for (const Value& message : messages->value.GetArray()) {
    const std::string param = "messages[" + std::to_string(index++) + "]";
    if (!message.IsObject())
      return wrongType(param, "an object");
    const auto role = message.FindMember("role");
    if (role == message.MemberEnd())
      return missing(param + ".role");
    if (!role->value.IsString())
      return wrongType(param + ".role", "a string");
  }

  const auto stream = root.FindMember("stream");
  if (stream != root.MemberEnd() && !stream->value.IsNull()) {
    if (!stream->value.IsBool())
      return wrongType("stream", "a boolean");
    request.stream = stream->value.GetBool();
  }
  return request;
}

} // namespace

std::variant<ChatRequest, http::ApiError> parseChatRequest(std::string_view body) {
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
  return validate(document);
}

} // namespace gatehouse::gateway
