#include "openai_chat.hpp"

#include <ctime>

#include "credential_check.hpp"
#include "exchange.hpp"
#include "json_text.hpp"
#include "openai_json_request.hpp"
#include "openai_chat_request.hpp"
#include "sse_frame.hpp"
#include "unique_id.hpp"

namespace gatehouse::mock {
namespace {

constexpr std::string_view kFingerprint = "fp_mock0001";

struct ChatIdentity {
  std::string id;
  std::string model;
  std::int64_t created = 0;
  bool azure = false;
};

const char* finishName(FinishReason reason) {
  switch (reason) {
  case FinishReason::Stop: return "stop";
  case FinishReason::Length: return "length";
  case FinishReason::ToolCalls: return "tool_calls";
  }
  return "stop";
}

void writeUsage(JsonWriter& json, const TokenUsage& usage, int choices) {
  // Reasoning tokens are billed as completion tokens, once per request.
  auto completion = usage.output * static_cast<std::uint64_t>(choices) + usage.reasoning;
  json.StartObject();
  json.Key("prompt_tokens");
  json.Uint64(usage.prompt);
  json.Key("completion_tokens");
  json.Uint64(completion);
  json.Key("total_tokens");
  json.Uint64(usage.prompt + completion);
  json.Key("prompt_tokens_details");
  json.StartObject();
  json.Key("cached_tokens");
  json.Uint64(usage.cached);
  json.Key("audio_tokens");
  json.Uint64(0);
  json.EndObject();
  json.Key("completion_tokens_details");
  json.StartObject();
  json.Key("reasoning_tokens");
  json.Uint64(usage.reasoning);
  json.Key("audio_tokens");
  json.Uint64(0);
  json.Key("accepted_prediction_tokens");
  json.Uint64(0);
  json.Key("rejected_prediction_tokens");
  json.Uint64(0);
  json.EndObject();
  json.EndObject();
}

// Azure's content filter verdicts, all "safe".
void writeFilterResults(JsonWriter& json) {
  json.StartObject();
  for (const char* category : {"hate", "self_harm", "sexual", "violence"}) {
    json.Key(category);
    json.StartObject();
    json.Key("filtered");
    json.Bool(false);
    json.Key("severity");
    json.String("safe");
    json.EndObject();
  }
  json.EndObject();
}

void writePromptFilterResults(JsonWriter& json) {
  json.Key("prompt_filter_results");
  json.StartArray();
  json.StartObject();
  json.Key("prompt_index");
  json.Int(0);
  json.Key("content_filter_results");
  writeFilterResults(json);
  json.EndObject();
  json.EndArray();
}

void writeToolCall(JsonWriter& json, const PlannedToolCall& call, const std::string* arguments, int index) {
  json.StartObject();
  if (index >= 0) {
    json.Key("index");
    json.Int(index);
  }
  json.Key("id");
  writeString(json, "call_" + call.id);
  json.Key("type");
  json.String("function");
  json.Key("function");
  json.StartObject();
  json.Key("name");
  writeString(json, call.name);
  json.Key("arguments");
  writeString(json, arguments ? *arguments : std::string());
  json.EndObject();
  json.EndObject();
}

std::string completionBody(const ChatIdentity& identity, const ReplyPlan& plan, int choices) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("id");
  writeString(json, identity.id);
  json.Key("object");
  json.String("chat.completion");
  json.Key("created");
  json.Int64(identity.created);
  json.Key("model");
  writeString(json, identity.model);
  if (identity.azure)
    writePromptFilterResults(json);
  json.Key("choices");
  json.StartArray();
  for (int i = 0; i < choices; ++i) {
    json.StartObject();
    json.Key("index");
    json.Int(i);
    json.Key("message");
    json.StartObject();
    json.Key("role");
    json.String("assistant");
    json.Key("content");
    if (plan.toolCalls.empty())
      writeString(json, plan.text);
    else
      json.Null();
    if (!plan.toolCalls.empty()) {
      json.Key("tool_calls");
      json.StartArray();
      for (const auto& call : plan.toolCalls)
        writeToolCall(json, call, &call.arguments, -1);
      json.EndArray();
    }
    json.Key("refusal");
    json.Null();
    json.Key("annotations");
    json.StartArray();
    json.EndArray();
    json.EndObject();
    json.Key("logprobs");
    json.Null();
    json.Key("finish_reason");
    json.String(finishName(plan.finish));
    if (identity.azure) {
      json.Key("content_filter_results");
      writeFilterResults(json);
    }
    json.EndObject();
  }
  json.EndArray();
  json.Key("usage");
  writeUsage(json, plan.usage, choices);
  json.Key("service_tier");
  json.String("default");
  json.Key("system_fingerprint");
  writeString(json, kFingerprint);
  json.EndObject();
  return bufferText(buffer);
}

// The "delta" objects of the stream, in order; each goes to every choice.
std::vector<std::string> streamDeltas(const ReplyPlan& plan) {
  std::vector<std::string> deltas;
  auto finishDelta = [&](rapidjson::StringBuffer& buffer) { deltas.push_back(bufferText(buffer)); };
  {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("role");
    json.String("assistant");
    json.Key("content");
    if (plan.toolCalls.empty()) {
      json.String("");
    } else {
      json.Null();
      json.Key("tool_calls");
      json.StartArray();
      writeToolCall(json, plan.toolCalls[0], nullptr, 0);
      json.EndArray();
    }
    json.Key("refusal");
    json.Null();
    json.EndObject();
    finishDelta(buffer);
  }
  for (const auto& piece : plan.textPieces) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("content");
    writeString(json, piece);
    json.EndObject();
    finishDelta(buffer);
  }
  for (std::size_t c = 0; c < plan.toolCalls.size(); ++c) {
    const auto& call = plan.toolCalls[c];
    if (c > 0) {
      rapidjson::StringBuffer buffer;
      JsonWriter json(buffer);
      json.StartObject();
      json.Key("tool_calls");
      json.StartArray();
      writeToolCall(json, call, nullptr, static_cast<int>(c));
      json.EndArray();
      json.EndObject();
      finishDelta(buffer);
    }
    for (const auto& piece : call.argumentPieces) {
      rapidjson::StringBuffer buffer;
      JsonWriter json(buffer);
      json.StartObject();
      json.Key("tool_calls");
      json.StartArray();
      json.StartObject();
      json.Key("index");
      json.Uint64(c);
      json.Key("function");
      json.StartObject();
      json.Key("arguments");
      writeString(json, piece);
      json.EndObject();
      json.EndObject();
      json.EndArray();
      json.EndObject();
      finishDelta(buffer);
    }
  }
  return deltas;
}

class ChunkWriter {
public:
  ChunkWriter(const ChatIdentity& identity, bool includeUsage)
      : identity_(identity), includeUsage_(includeUsage) {}

  // One chunk for one choice: a delta (raw JSON) or, with `finish`, the empty final delta.
  std::string choiceChunk(int index, const std::string* delta, const char* finish) const {
    return chunk(
        [&](JsonWriter& json) {
          json.StartObject();
          json.Key("index");
          json.Int(index);
          json.Key("delta");
          if (delta) {
            json.RawValue(delta->data(), delta->size(), rapidjson::kObjectType);
          } else {
            json.StartObject();
            json.EndObject();
          }
          json.Key("logprobs");
          json.Null();
          json.Key("finish_reason");
          if (finish)
            json.String(finish);
          else
            json.Null();
          json.EndObject();
        },
        nullptr, 0);
  }

  // include_usage: one more chunk with no choices and the whole request's usage.
  std::string usageChunk(const TokenUsage& usage, int choices) const {
    return chunk([](JsonWriter&) {}, &usage, choices);
  }

private:
  template <typename WriteChoices>
  std::string chunk(WriteChoices writeChoices, const TokenUsage* usage, int choices) const {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    json.Key("id");
    writeString(json, identity_.id);
    json.Key("object");
    json.String("chat.completion.chunk");
    json.Key("created");
    json.Int64(identity_.created);
    json.Key("model");
    writeString(json, identity_.model);
    json.Key("service_tier");
    json.String("default");
    json.Key("system_fingerprint");
    writeString(json, kFingerprint);
    json.Key("choices");
    json.StartArray();
    writeChoices(json);
    json.EndArray();
    // With include_usage every chunk has "usage": null until the last one.
    if (includeUsage_) {
      json.Key("usage");
      if (usage)
        writeUsage(json, *usage, choices);
      else
        json.Null();
    }
    json.EndObject();
    return sseData(bufferText(buffer));
  }

  const ChatIdentity& identity_;
  bool includeUsage_;
};

// Azure opens every stream with a chunk that only carries the prompt's filter results, with
// empty id, model and object.
std::string azurePromptFilterChunk() {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("choices");
  json.StartArray();
  json.EndArray();
  json.Key("created");
  json.Int(0);
  json.Key("id");
  json.String("");
  json.Key("model");
  json.String("");
  json.Key("object");
  json.String("");
  writePromptFilterResults(json);
  json.EndObject();
  return sseData(bufferText(buffer));
}

void streamCompletion(Exchange& exchange, const ChatIdentity& identity, const ReplyPlan& plan,
                      const OpenAiChatRequest& request) {
  auto& writer = exchange.writer();
  writer.startEvents(200, "text/event-stream; charset=utf-8", exchange.providerHeaders());
  if (identity.azure)
    writer.event(azurePromptFilterChunk());
  ChunkWriter chunks(identity, request.includeUsage);
  auto deltas = streamDeltas(plan);
  // The error replaces the second half of the content.
  auto errorAt = 1 + (deltas.size() - 1) / 2;
  for (std::size_t d = 0; d < deltas.size(); ++d) {
    if (exchange.scenario().midstreamError && d == errorAt) {
      writer.event(sseData(streamErrorPayload(exchange.provider(), exchange.scenario().midstreamErrorType)));
      writer.finish();
      return;
    }
    for (int i = 0; i < request.choices; ++i)
      writer.event(chunks.choiceChunk(i, &deltas[d], nullptr));
  }
  if (exchange.scenario().midstreamError) {
    writer.event(sseData(streamErrorPayload(exchange.provider(), exchange.scenario().midstreamErrorType)));
    writer.finish();
    return;
  }
  for (int i = 0; i < request.choices; ++i)
    writer.event(chunks.choiceChunk(i, nullptr, finishName(plan.finish)));
  if (request.includeUsage)
    writer.event(chunks.usageChunk(plan.usage, request.choices));
  writer.event("data: [DONE]\n\n");
  writer.finish();
}

} // namespace

void answerOpenAiChat(Exchange& exchange, std::string_view deployment) {
  auto body = openOpenAiJsonRequest(exchange);
  if (!body)
    return;
  OpenAiChatRequest request;
  if (auto problem = readOpenAiChatRequest(*body, deployment.empty(), request)) {
    exchange.sendError(400, problem->message, problem->param);
    return;
  }
  ChatIdentity identity;
  std::string_view fullModel = deployment.empty() ? std::string_view(request.model) : deployment;
  if (!exchange.readModelScenario(fullModel, identity.model))
    return;
  if (!deployment.empty() && !request.model.empty())
    identity.model = request.model;
  if (exchange.answeredWithFailure())
    return;
  identity.id = "chatcmpl-" + uniqueId(29);
  identity.created = static_cast<std::int64_t>(std::time(nullptr));
  identity.azure = exchange.provider() == Provider::Azure;
  auto plan = planReply(request.facts, exchange.scenario());
  if (request.stream)
    streamCompletion(exchange, identity, plan, request);
  else
    exchange.sendJson(200, completionBody(identity, plan, request.choices));
}

} // namespace gatehouse::mock
