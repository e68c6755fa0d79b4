#include "chunk_writer.hpp"

#include "tool_call_json.hpp"

namespace gatehouse::plugins::gemini {

void ChunkWriter::writeHead(providers::JsonWriter& writer) const {
  writer.Key("id");
  providers::writeString(writer, identity_.id);
  writer.Key("object");
  writer.String("chat.completion.chunk");
  writer.Key("created");
  writer.Int64(identity_.created);
  writer.Key("model");
  providers::writeString(writer, identity_.model);
}

template <typename WriteDelta>
std::string ChunkWriter::chunk(int choice, WriteDelta writeDelta, std::string_view finishReason) const {
  rapidjson::StringBuffer buffer;
  providers::JsonWriter writer(buffer);
  writer.StartObject();
  writeHead(writer);
  writer.Key("choices");
  writer.StartArray();
  writer.StartObject();
  writer.Key("index");
  writer.Int(choice);
  writer.Key("delta");
  writer.StartObject();
  writeDelta(writer);
  writer.EndObject();
  writer.Key("logprobs");
  writer.Null();
  writer.Key("finish_reason");
  if (finishReason.empty()) {
    writer.Null();
  } else {
    providers::writeString(writer, finishReason);
  }
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
  return providers::bufferText(buffer);
}

std::string ChunkWriter::role(int choice) const {
  return chunk(choice,
               [](providers::JsonWriter& writer) {
                 writer.Key("role");
                 writer.String("assistant");
                 writer.Key("content");
                 writer.String("");
               },
               {});
}

std::string ChunkWriter::content(int choice, std::string_view text) const {
  return chunk(choice,
               [text](providers::JsonWriter& writer) {
                 writer.Key("content");
                 providers::writeString(writer, text);
               },
               {});
}

std::string ChunkWriter::toolCall(int choice, int toolIndex, const FunctionCall& call,
                                  std::string_view id) const {
  return chunk(choice,
               [&](providers::JsonWriter& writer) {
                 writer.Key("tool_calls");
                 writer.StartArray();
                 writeToolCall(writer, call, id, toolIndex);
                 writer.EndArray();
               },
               {});
}

std::string ChunkWriter::finish(int choice, std::string_view reason) const {
  return chunk(
      choice, [](providers::JsonWriter&) {}, reason);
}

std::string ChunkWriter::usage(const providers::ChatUsage& usage) const {
  rapidjson::StringBuffer buffer;
  providers::JsonWriter writer(buffer);
  writer.StartObject();
  writeHead(writer);
  writer.Key("choices");
  writer.StartArray();
  writer.EndArray();
  writer.Key("usage");
  providers::writeChatUsage(writer, usage);
  writer.EndObject();
  return providers::bufferText(buffer);
}

} // namespace gatehouse::plugins::gemini
