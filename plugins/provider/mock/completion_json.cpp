#include "completion_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace gatehouse::plugins::mock {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void writeUsage(Writer& writer, const Usage& usage) {
  writer.Key("usage");
  writer.StartObject();
  writer.Key("prompt_tokens");
  writer.Int64(usage.promptTokens);
  writer.Key("completion_tokens");
  writer.Int64(usage.completionTokens);
  writer.Key("total_tokens");
  writer.Int64(usage.promptTokens + usage.completionTokens);
  writer.EndObject();
}

std::string text(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

// One streamed choice: `fillDelta` writes the delta's members; finishReason null or "stop".
template <class FillDelta>
void writeChunkChoice(Writer& writer, FillDelta fillDelta, const char* finishReason) {
  writer.Key("choices");
  writer.StartArray();
  writer.StartObject();
  writer.Key("index");
  writer.Int(0);
  writer.Key("delta");
  writer.StartObject();
  fillDelta();
  writer.EndObject();
  writer.Key("logprobs");
  writer.Null();
  writer.Key("finish_reason");
  if (finishReason == nullptr)
    writer.Null();
  else
    writer.String(finishReason);
  writer.EndObject();
  writer.EndArray();
}

} // namespace

template <class W> void CompletionJson::writeHeader(W& writer, const char* object) const {
  writer.Key("id");
  writeString(writer, id_);
  writer.Key("object");
  writer.String(object);
  writer.Key("created");
  writer.Int64(created_);
  writer.Key("model");
  writeString(writer, model_);
  writer.Key("system_fingerprint");
  writer.Null();
}

std::string CompletionJson::completion(std::string_view content, const Usage& usage) const {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeHeader(writer, "chat.completion");
  writer.Key("choices");
  writer.StartArray();
  writer.StartObject();
  writer.Key("index");
  writer.Int(0);
  writer.Key("message");
  writer.StartObject();
  writer.Key("role");
  writer.String("assistant");
  writer.Key("content");
  writeString(writer, content);
  writer.Key("refusal");
  writer.Null();
  writer.EndObject();
  writer.Key("logprobs");
  writer.Null();
  writer.Key("finish_reason");
  writer.String("stop");
  writer.EndObject();
  writer.EndArray();
  writeUsage(writer, usage);
  writer.EndObject();
  return text(buffer);
}

std::string CompletionJson::roleChunk() const {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeHeader(writer, "chat.completion.chunk");
  writeChunkChoice(
      writer,
      [&] {
        writer.Key("role");
        writer.String("assistant");
        writer.Key("content");
        writer.String("");
      },
      nullptr);
  if (includeUsage_) {
    writer.Key("usage");
    writer.Null();
  }
  writer.EndObject();
  return text(buffer);
}

std::string CompletionJson::contentChunk(std::string_view content) const {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeHeader(writer, "chat.completion.chunk");
  writeChunkChoice(
      writer,
      [&] {
        writer.Key("content");
        writeString(writer, content);
      },
      nullptr);
  if (includeUsage_) {
    writer.Key("usage");
    writer.Null();
  }
  writer.EndObject();
  return text(buffer);
}

std::string CompletionJson::stopChunk() const {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeHeader(writer, "chat.completion.chunk");
  writeChunkChoice(
      writer, [] {}, "stop");
  if (includeUsage_) {
    writer.Key("usage");
    writer.Null();
  }
  writer.EndObject();
  return text(buffer);
}

std::string CompletionJson::usageChunk(const Usage& usage) const {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeHeader(writer, "chat.completion.chunk");
  writer.Key("choices");
  writer.StartArray();
  writer.EndArray();
  writeUsage(writer, usage);
  writer.EndObject();
  return text(buffer);
}

} // namespace gatehouse::plugins::mock
