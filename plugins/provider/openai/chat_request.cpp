#include "chat_request.hpp"

#include <gatehouse/sdk/error.hpp>

#include "json_body.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::openai {

ChatRequest prepareChatRequest(std::string_view clientBody, std::string_view upstreamModel, bool stream,
                               bool streamUsage) {
  rapidjson::Document document = parseRequestBody(clientBody);
  const auto messages = document.FindMember("messages");
  if (messages == document.MemberEnd() || !messages->value.IsArray()) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "'messages' must be an array");
  }
  setModel(document, upstreamModel);

  ChatRequest request;
  const auto options = document.FindMember("stream_options");
  if (options != document.MemberEnd() && !options->value.IsNull()) {
    if (!options->value.IsObject()) {
      throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "'stream_options' must be an object");
    }
    const auto include = options->value.FindMember("include_usage");
    request.clientWantsUsage = include != options->value.MemberEnd() && include->value.IsTrue();
  }
  if (stream && streamUsage && !request.clientWantsUsage) {
    auto& allocator = document.GetAllocator();
    if (options == document.MemberEnd()) {
      rapidjson::Value created(rapidjson::kObjectType);
      created.AddMember("include_usage", true, allocator);
      document.AddMember("stream_options", std::move(created), allocator);
    } else {
      if (options->value.IsNull()) {
        options->value.SetObject();
      }
      const auto include = options->value.FindMember("include_usage");
      if (include != options->value.MemberEnd()) {
        include->value.SetBool(true);
      } else {
        options->value.AddMember("include_usage", true, allocator);
      }
    }
  }
  request.body = providers::toJson(document);
  return request;
}

} // namespace gatehouse::plugins::openai
