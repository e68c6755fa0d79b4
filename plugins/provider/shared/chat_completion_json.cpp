#include "chat_completion_json.hpp"

#include <string_view>

#include "json_util.hpp"

namespace gatehouse::providers {
namespace {

void writeToolCalls(JsonWriter& writer, const std::vector<ChatToolCall>& calls) {
  writer.Key("tool_calls");
  writer.StartArray();
  for (const ChatToolCall& call : calls) {
    writer.StartObject();
    writer.Key("id");
    writeString(writer, call.id);
    writer.Key("type");
    writer.String("function");
    writer.Key("function");
    writer.StartObject();
    writer.Key("name");
    writeString(writer, call.name);
    writer.Key("arguments");
    writeString(writer, call.arguments);
    writer.EndObject();
    writer.EndObject();
  }
  writer.EndArray();
}

void writeChoice(JsonWriter& writer, const ChatChoice& choice) {
  writer.StartObject();
  writer.Key("index");
  writer.Int(choice.index);
  writer.Key("message");
  writer.StartObject();
  writer.Key("role");
  writer.String("assistant");
  writer.Key("content");
  if (choice.content) {
    writeString(writer, *choice.content);
  } else {
    writer.Null();
  }
  writer.Key("refusal");
  writer.Null();
  if (!choice.toolCalls.empty()) {
    writeToolCalls(writer, choice.toolCalls);
  }
  writer.EndObject();
  writer.Key("logprobs");
  writer.Null();
  writer.Key("finish_reason");
  writeString(writer, choice.finishReason);
  writer.EndObject();
}

} // namespace

std::string chatCompletionJson(const ChatIdentity& identity, const std::vector<ChatChoice>& choices,
                               const ChatUsage& usage) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("id");
  writeString(writer, identity.id);
  writer.Key("object");
  writer.String("chat.completion");
  writer.Key("created");
  writer.Int64(identity.created);
  writer.Key("model");
  writeString(writer, identity.model);
  writer.Key("system_fingerprint");
  writer.Null();
  writer.Key("choices");
  writer.StartArray();
  for (const ChatChoice& choice : choices) {
    writeChoice(writer, choice);
  }
  writer.EndArray();
  writer.Key("usage");
  writeChatUsage(writer, usage);
  writer.EndObject();
  return bufferText(buffer);
}

} // namespace gatehouse::providers
