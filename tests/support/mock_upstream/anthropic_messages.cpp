#include "anthropic_messages.hpp"

#include "anthropic_request.hpp"
#include "credential_check.hpp"
#include "exchange.hpp"
#include "json_text.hpp"
#include "sse_frame.hpp"
#include "unique_id.hpp"

namespace gatehouse::mock {
namespace {

const char* stopReason(FinishReason reason) {
  switch (reason) {
  case FinishReason::Stop: return "end_turn";
  case FinishReason::Length: return "max_tokens";
  case FinishReason::ToolCalls: return "tool_use";
  }
  return "end_turn";
}

// Anthropic's input_tokens leaves out what was read from or written to the cache; thinking
// counts as output.
void writeUsage(JsonWriter& json, const TokenUsage& usage, std::uint64_t outputTokens) {
  json.StartObject();
  json.Key("input_tokens");
  json.Uint64(usage.prompt - usage.cached - usage.cacheWrite);
  json.Key("cache_creation_input_tokens");
  json.Uint64(usage.cacheWrite);
  json.Key("cache_read_input_tokens");
  json.Uint64(usage.cached);
  json.Key("output_tokens");
  json.Uint64(outputTokens);
  json.Key("service_tier");
  json.String("standard");
  json.EndObject();
}

void writeToolUse(JsonWriter& json, const PlannedToolCall& call, bool withInput) {
  json.StartObject();
  json.Key("type");
  json.String("tool_use");
  json.Key("id");
  writeString(json, "toolu_" + call.id);
  json.Key("name");
  writeString(json, call.name);
  json.Key("input");
  if (withInput) {
    json.RawValue(call.arguments.data(), call.arguments.size(), rapidjson::kObjectType);
  } else {
    json.StartObject();
    json.EndObject();
  }
  json.EndObject();
}

void writeMessageStart(JsonWriter& json, const std::string& id, const std::string& model) {
  json.Key("id");
  writeString(json, id);
  json.Key("type");
  json.String("message");
  json.Key("role");
  json.String("assistant");
  json.Key("model");
  writeString(json, model);
}

std::string messageBody(const std::string& id, const std::string& model, const ReplyPlan& plan) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  writeMessageStart(json, id, model);
  json.Key("content");
  json.StartArray();
  if (plan.toolCalls.empty()) {
    json.StartObject();
    json.Key("type");
    json.String("text");
    json.Key("text");
    writeString(json, plan.text);
    json.EndObject();
  }
  for (const auto& call : plan.toolCalls)
    writeToolUse(json, call, true);
  json.EndArray();
  json.Key("stop_reason");
  json.String(stopReason(plan.finish));
  json.Key("stop_sequence");
  json.Null();
  json.Key("usage");
  writeUsage(json, plan.usage, plan.usage.output + plan.usage.reasoning);
  json.EndObject();
  return bufferText(buffer);
}

template <typename WriteFields> std::string event(const char* type, WriteFields writeFields) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("type");
  json.String(type);
  writeFields(json);
  json.EndObject();
  return sseNamedEvent(type, bufferText(buffer));
}

std::string blockDelta(std::size_t index, const char* deltaType, const char* field, const std::string& text) {
  return event("content_block_delta", [&](JsonWriter& json) {
    json.Key("index");
    json.Uint64(index);
    json.Key("delta");
    json.StartObject();
    json.Key("type");
    json.String(deltaType);
    json.Key(field);
    writeString(json, text);
    json.EndObject();
  });
}

std::string blockStop(std::size_t index) {
  return event("content_block_stop", [&](JsonWriter& json) {
    json.Key("index");
    json.Uint64(index);
  });
}

class MessageStream {
public:
  MessageStream(Exchange& exchange, const ReplyPlan& plan) : exchange_(exchange), plan_(plan) {
    for (const auto& call : plan.toolCalls)
      contentDeltas_ += call.argumentPieces.size();
    if (plan.toolCalls.empty())
      contentDeltas_ = plan.textPieces.size();
    errorAfter_ = contentDeltas_ / 2;
  }

  void run(const std::string& id, const std::string& model) {
    auto& writer = exchange_.writer();
    writer.startEvents(200, "text/event-stream; charset=utf-8", exchange_.providerHeaders());
    writer.event(event("message_start", [&](JsonWriter& json) {
      json.Key("message");
      json.StartObject();
      writeMessageStart(json, id, model);
      json.Key("content");
      json.StartArray();
      json.EndArray();
      json.Key("stop_reason");
      json.Null();
      json.Key("stop_sequence");
      json.Null();
      json.Key("usage");
      writeUsage(json, plan_.usage, 1);
      json.EndObject();
    }));
    if (plan_.toolCalls.empty()) {
      if (!textBlock())
        return;
    } else {
      for (std::size_t c = 0; c < plan_.toolCalls.size(); ++c) {
        if (!toolBlock(c))
          return;
      }
    }
    writer.event(event("message_delta", [&](JsonWriter& json) {
      json.Key("delta");
      json.StartObject();
      json.Key("stop_reason");
      json.String(stopReason(plan_.finish));
      json.Key("stop_sequence");
      json.Null();
      json.EndObject();
      json.Key("usage");
      json.StartObject();
      json.Key("output_tokens");
      json.Uint64(plan_.usage.output + plan_.usage.reasoning);
      json.EndObject();
    }));
    writer.event(event("message_stop", [](JsonWriter&) {}));
    writer.finish();
  }

private:
  void blockStart(std::size_t index, const PlannedToolCall* call) {
    exchange_.writer().event(event("content_block_start", [&](JsonWriter& json) {
      json.Key("index");
      json.Uint64(index);
      json.Key("content_block");
      if (call) {
        writeToolUse(json, *call, false);
      } else {
        json.StartObject();
        json.Key("type");
        json.String("text");
        json.Key("text");
        json.String("");
        json.EndObject();
      }
    }));
    // The API sends one ping after the first block opens.
    if (index == 0)
      exchange_.writer().event(event("ping", [](JsonWriter&) {}));
  }

  // Sends the error event instead of the next delta when the scenario asks for it; false
  // when the stream is over.
  bool beforeDelta() {
    if (!exchange_.scenario().midstreamError || deltasSent_++ != errorAfter_)
      return true;
    exchange_.writer().event(sseNamedEvent(
        "error", streamErrorPayload(Provider::Anthropic, exchange_.scenario().midstreamErrorType)));
    exchange_.writer().finish();
    return false;
  }

  bool textBlock() {
    blockStart(0, nullptr);
    for (const auto& piece : plan_.textPieces) {
      if (!beforeDelta())
        return false;
      exchange_.writer().event(blockDelta(0, "text_delta", "text", piece));
    }
    if (contentDeltas_ == 0 && !beforeDelta())
      return false;
    exchange_.writer().event(blockStop(0));
    return true;
  }

  bool toolBlock(std::size_t index) {
    const auto& call = plan_.toolCalls[index];
    blockStart(index, &call);
    for (const auto& piece : call.argumentPieces) {
      if (!beforeDelta())
        return false;
      exchange_.writer().event(blockDelta(index, "input_json_delta", "partial_json", piece));
    }
    exchange_.writer().event(blockStop(index));
    return true;
  }

  Exchange& exchange_;
  const ReplyPlan& plan_;
  std::size_t contentDeltas_ = 0;
  std::size_t errorAfter_ = 0;
  std::size_t deltasSent_ = 0;
};

// Parses, authenticates and validates; nullopt when an answer was already sent.
std::optional<AnthropicRequest> admit(Exchange& exchange, bool forCounting, std::string& model) {
  if (!exchange.readScenarioHeader() || !checkCredentials(exchange))
    return std::nullopt;
  auto body = parseJsonObject(exchange.request().body);
  if (!body) {
    exchange.sendError(400,
                       "There was an issue with the format or content of your request: invalid JSON body.");
    return std::nullopt;
  }
  AnthropicRequest request;
  if (auto problem = readAnthropicRequest(*body, forCounting, request)) {
    exchange.sendError(400, problem->message);
    return std::nullopt;
  }
  if (!exchange.readModelScenario(request.model, model) || exchange.answeredWithFailure())
    return std::nullopt;
  return request;
}

} // namespace

void answerAnthropicMessages(Exchange& exchange) {
  std::string model;
  auto request = admit(exchange, false, model);
  if (!request)
    return;
  auto plan = planReply(request->facts, exchange.scenario());
  auto id = "msg_" + uniqueId(24);
  if (request->stream)
    MessageStream(exchange, plan).run(id, model);
  else
    exchange.sendJson(200, messageBody(id, model, plan));
}

void answerAnthropicCountTokens(Exchange& exchange) {
  std::string model;
  auto request = admit(exchange, true, model);
  if (!request)
    return;
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("input_tokens");
  json.Uint64(tokensForBytes(request->facts.promptBytes));
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

} // namespace gatehouse::mock
