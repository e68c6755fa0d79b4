#include "chat_chunk_json.hpp"

#include "json_util.hpp"

namespace gatehouse::providers {
namespace {

void writeIdentity(JsonWriter& writer, const ChatIdentity& identity) {
  writer.Key("id");
  writeString(writer, identity.id);
  writer.Key("object");
  writer.String("chat.completion.chunk");
  writer.Key("created");
  writer.Int64(identity.created);
  writer.Key("model");
  writeString(writer, identity.model);
  writer.Key("system_fingerprint");
  writer.Null();
}

// The tool_calls array of a delta holding one call; `fillCall` writes the call's members
// after its index.
template <class FillCall> void writeToolCall(JsonWriter& writer, int toolIndex, FillCall fillCall) {
  writer.Key("tool_calls");
  writer.StartArray();
  writer.StartObject();
  writer.Key("index");
  writer.Int(toolIndex);
  fillCall();
  writer.EndObject();
  writer.EndArray();
}

} // namespace

template <class FillDelta>
std::string ChatChunkJson::chunk(int choice, FillDelta fillDelta, std::string_view finish) const {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writeIdentity(writer, identity_);
  writer.Key("choices");
  writer.StartArray();
  writer.StartObject();
  writer.Key("index");
  writer.Int(choice);
  writer.Key("delta");
  writer.StartObject();
  fillDelta(writer);
  writer.EndObject();
  writer.Key("logprobs");
  writer.Null();
  writer.Key("finish_reason");
  if (finish.empty()) {
    writer.Null();
  } else {
    writeString(writer, finish);
  }
  writer.EndObject();
  writer.EndArray();
  if (includeUsage_) {
    writer.Key("usage");
    writer.Null();
  }
  writer.EndObject();
  return bufferText(buffer);
}

std::string ChatChunkJson::role(int choice) const {
  return chunk(choice,
               [](JsonWriter& writer) {
                 writer.Key("role");
                 writer.String("assistant");
                 writer.Key("content");
                 writer.String("");
               },
               {});
}

std::string ChatChunkJson::content(std::string_view text, int choice) const {
  return chunk(choice,
               [&](JsonWriter& writer) {
                 writer.Key("content");
                 writeString(writer, text);
               },
               {});
}

std::string ChatChunkJson::toolCallStart(int toolIndex, std::string_view callId, std::string_view name,
                                         std::string_view arguments, int choice) const {
  return chunk(choice,
               [&](JsonWriter& writer) {
                 writeToolCall(writer, toolIndex, [&] {
                   writer.Key("id");
                   writeString(writer, callId);
                   writer.Key("type");
                   writer.String("function");
                   writer.Key("function");
                   writer.StartObject();
                   writer.Key("name");
                   writeString(writer, name);
                   writer.Key("arguments");
                   writeString(writer, arguments);
                   writer.EndObject();
                 });
               },
               {});
}

std::string ChatChunkJson::toolCallArguments(int toolIndex, std::string_view arguments, int choice) const {
  return chunk(choice,
               [&](JsonWriter& writer) {
                 writeToolCall(writer, toolIndex, [&] {
                   writer.Key("function");
                   writer.StartObject();
                   writer.Key("arguments");
                   writeString(writer, arguments);
                   writer.EndObject();
                 });
               },
               {});
}

std::string ChatChunkJson::finish(std::string_view finishReason, int choice) const {
  return chunk(
      choice, [](JsonWriter&) {}, finishReason.empty() ? std::string_view("stop") : finishReason);
}

std::string ChatChunkJson::usage(const ChatUsage& usage) const {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writeIdentity(writer, identity_);
  writer.Key("choices");
  writer.StartArray();
  writer.EndArray();
  writer.Key("usage");
  writeChatUsage(writer, usage);
  writer.EndObject();
  return bufferText(buffer);
}

} // namespace gatehouse::providers
