#include <gatehouse/gateway/speech_request.hpp>

#include "json_request.hpp"

namespace gatehouse::gateway {
namespace {

std::optional<http::ApiError> validateVoice(const json::Value& root) {
  const auto voice = root.FindMember("voice");
  if (voice == root.MemberEnd())
    return json::missing("voice");
  if (voice->value.IsObject())
    return std::nullopt;
  if (!voice->value.IsString())
    return json::wrongType("voice", "a string or an object");
  if (voice->value.GetStringLength() == 0)
    return json::invalidValue("voice", "'voice' must not be empty.");
  return std::nullopt;
}

std::optional<http::ApiError> readStreamFormat(const json::Value& root, ModelRequest& request) {
  const auto format = root.FindMember("stream_format");
  if (format == root.MemberEnd() || format->value.IsNull())
    return std::nullopt;
  if (!format->value.IsString())
    return json::wrongType("stream_format", "a string");
  request.stream = std::string_view(format->value.GetString(), format->value.GetStringLength()) == "sse";
  return std::nullopt;
}

std::optional<http::ApiError> validate(const json::Value& root, ModelRequest& request) {
  if (auto error = json::readModel(root, request))
    return error;
  if (auto error = json::requireText(root, "input"))
    return error;
  if (auto error = validateVoice(root))
    return error;
  return readStreamFormat(root, request);
}

} // namespace

ParsedModelRequest parseSpeechRequest(std::string_view body) {
  return json::parseJsonRequest(body, GH_ENDPOINT_AUDIO_SPEECH, &validate);
}

} // namespace gatehouse::gateway
