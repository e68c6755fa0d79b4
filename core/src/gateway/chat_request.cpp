#include <gatehouse/gateway/chat_request.hpp>

#include "json_request.hpp"

namespace gatehouse::gateway {
namespace {

std::optional<http::ApiError> validateMessages(const json::Value& root) {
  const auto messages = root.FindMember("messages");
  if (messages == root.MemberEnd())
    return json::missing("messages");
  if (!messages->value.IsArray())
    return json::wrongType("messages", "an array");
  if (messages->value.Empty()) {
    return http::badRequest("'messages' must contain at least one message.", "messages", "empty_array");
  }
  rapidjson::SizeType index = 0;
  for (const json::Value& message : messages->value.GetArray()) {
    const std::string param = "messages[" + std::to_string(index++) + "]";
    if (!message.IsObject())
      return json::wrongType(param, "an object");
    const auto role = message.FindMember("role");
    if (role == message.MemberEnd())
      return json::missing(param + ".role");
    if (!role->value.IsString())
      return json::wrongType(param + ".role", "a string");
  }
  return std::nullopt;
}

std::optional<http::ApiError> validate(const json::Value& root, ModelRequest& request) {
  if (auto error = json::readModel(root, request))
    return error;
  if (auto error = validateMessages(root))
    return error;
  return json::readStream(root, request);
}

} // namespace

ParsedModelRequest parseChatRequest(std::string_view body) {
  return json::parseJsonRequest(body, GH_ENDPOINT_CHAT_COMPLETIONS, &validate);
}

} // namespace gatehouse::gateway
