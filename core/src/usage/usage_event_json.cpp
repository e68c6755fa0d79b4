#include "usage_event_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>

namespace gatehouse::usage {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void putString(Writer& writer, const char* name, const std::string& value) {
  writer.Key(name);
  writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void putInt(Writer& writer, const char* name, std::int64_t value) {
  writer.Key(name);
  writer.Int64(value);
}

bool getString(const rapidjson::Value& object, const char* name, std::string& out) {
  const auto member = object.FindMember(name);
  if (member == object.MemberEnd() || !member->value.IsString())
    return false;
  out.assign(member->value.GetString(), member->value.GetStringLength());
  return true;
}

// Fields added after the first spool format: a line written before them lacks them, and that
// means 0 (what a plugin that does not know the field reports). Present, it must fit an int32.
bool getOptionalInt32(const rapidjson::Value& object, const char* name, std::int32_t& out) {
  const auto member = object.FindMember(name);
  if (member == object.MemberEnd()) {
    out = 0;
    return true;
  }
  if (!member->value.IsInt())
    return false;
  out = member->value.GetInt();
  return true;
}

template <class Integer> bool getInt(const rapidjson::Value& object, const char* name, Integer& out) {
  const auto member = object.FindMember(name);
  if (member == object.MemberEnd() || !member->value.IsInt64())
    return false;
  out = static_cast<Integer>(member->value.GetInt64());
  return true;
}

} // namespace

std::string toJsonLine(const UsageEvent& event) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  putString(writer, "request_id", event.requestId);
  putString(writer, "subject", event.subject);
  putString(writer, "team", event.team);
  putString(writer, "app", event.app);
  putString(writer, "key_id", event.keyId);
  putString(writer, "provider", event.provider);
  putString(writer, "model", event.model);
  putString(writer, "upstream_model", event.upstreamModel);
  putInt(writer, "endpoint", event.endpoint);
  writer.Key("streamed");
  writer.Bool(event.streamed);
  putInt(writer, "http_status", event.httpStatus);
  putInt(writer, "started_at_ms", event.startedAtMs);
  putInt(writer, "duration_ms", event.durationMs);
  putInt(writer, "prompt_tokens", event.usage.prompt_tokens);
  putInt(writer, "completion_tokens", event.usage.completion_tokens);
  putInt(writer, "cached_prompt_tokens", event.usage.cached_prompt_tokens);
  putInt(writer, "reasoning_tokens", event.usage.reasoning_tokens);
  putInt(writer, "images", event.usage.images);
  putInt(writer, "audio_milliseconds", event.usage.audio_milliseconds);
  putInt(writer, "characters", event.usage.characters);
  putInt(writer, "cost_micro_usd", event.costMicroUsd);
  putInt(writer, "image_width", event.usage.image_width);
  putInt(writer, "image_height", event.usage.image_height);
  putInt(writer, "image_quality", event.usage.image_quality);
  writer.EndObject();
  std::string line(buffer.GetString(), buffer.GetSize());
  line += '\n';
  return line;
}

bool fromJsonLine(std::string_view line, UsageEvent& event) {
  rapidjson::Document document;
  document.Parse(line.data(), line.size());
  if (document.HasParseError() || !document.IsObject())
    return false;
  UsageEvent parsed;
  const auto streamed = document.FindMember("streamed");
  if (streamed == document.MemberEnd() || !streamed->value.IsBool())
    return false;
  parsed.streamed = streamed->value.GetBool();
  const bool complete =
      getString(document, "request_id", parsed.requestId) && getString(document, "subject", parsed.subject) &&
      getString(document, "team", parsed.team) && getString(document, "app", parsed.app) &&
      getString(document, "key_id", parsed.keyId) && getString(document, "provider", parsed.provider) &&
      getString(document, "model", parsed.model) &&
      getString(document, "upstream_model", parsed.upstreamModel) &&
      getInt(document, "endpoint", parsed.endpoint) && getInt(document, "http_status", parsed.httpStatus) &&
      getInt(document, "started_at_ms", parsed.startedAtMs) &&
      getInt(document, "duration_ms", parsed.durationMs) &&
      getInt(document, "prompt_tokens", parsed.usage.prompt_tokens) &&
      getInt(document, "completion_tokens", parsed.usage.completion_tokens) &&
      getInt(document, "cached_prompt_tokens", parsed.usage.cached_prompt_tokens) &&
      getInt(document, "reasoning_tokens", parsed.usage.reasoning_tokens) &&
      getInt(document, "images", parsed.usage.images) &&
      getInt(document, "audio_milliseconds", parsed.usage.audio_milliseconds) &&
      getInt(document, "characters", parsed.usage.characters) &&
      getInt(document, "cost_micro_usd", parsed.costMicroUsd) &&
      getOptionalInt32(document, "image_width", parsed.usage.image_width) &&
      getOptionalInt32(document, "image_height", parsed.usage.image_height) &&
      getOptionalInt32(document, "image_quality", parsed.usage.image_quality);
  if (!complete)
    return false;
  event = std::move(parsed);
  return true;
}

} // namespace gatehouse::usage
