#include "gemini_generate.hpp"

#include "credential_check.hpp"
#include "exchange.hpp"
#include "gemini_request.hpp"
#include "json_text.hpp"
#include "sse_frame.hpp"
#include "unique_id.hpp"

namespace gatehouse::mock {
namespace {

const char* finishName(FinishReason reason) {
  // Gemini finishes a function call with STOP too.
  return reason == FinishReason::Length ? "MAX_TOKENS" : "STOP";
}

struct ResponseIdentity {
  std::string id;
  std::string model;
};

// Gemini's counts: thoughts are outside candidatesTokenCount but inside the total; cached
// tokens are inside promptTokenCount. Zero counts of the optional kinds are left out.
void writeUsage(JsonWriter& json, const TokenUsage& usage, std::uint64_t candidates, bool final) {
  json.Key("usageMetadata");
  json.StartObject();
  json.Key("promptTokenCount");
  json.Uint64(usage.prompt);
  json.Key("candidatesTokenCount");
  json.Uint64(candidates);
  auto thoughts = final ? usage.reasoning : 0;
  json.Key("totalTokenCount");
  json.Uint64(usage.prompt + candidates + thoughts);
  if (final && usage.cached > 0) {
    json.Key("cachedContentTokenCount");
    json.Uint64(usage.cached);
  }
  if (thoughts > 0) {
    json.Key("thoughtsTokenCount");
    json.Uint64(thoughts);
  }
  json.Key("promptTokensDetails");
  json.StartArray();
  json.StartObject();
  json.Key("modality");
  json.String("TEXT");
  json.Key("tokenCount");
  json.Uint64(usage.prompt);
  json.EndObject();
  json.EndArray();
  json.EndObject();
}

void writeFunctionCall(JsonWriter& json, const PlannedToolCall& call) {
  json.StartObject();
  json.Key("functionCall");
  json.StartObject();
  json.Key("name");
  writeString(json, call.name);
  json.Key("args");
  json.RawValue(call.arguments.data(), call.arguments.size(), rapidjson::kObjectType);
  json.EndObject();
  json.EndObject();
}

// One GenerateContentResponse. `writeParts` fills candidates[0].content.parts.
template <typename WriteParts>
std::string response(const ResponseIdentity& identity, WriteParts writeParts, const char* finishReason,
                     const TokenUsage& usage, std::uint64_t candidatesTokens) {
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("candidates");
  json.StartArray();
  json.StartObject();
  json.Key("content");
  json.StartObject();
  json.Key("parts");
  json.StartArray();
  writeParts(json);
  json.EndArray();
  json.Key("role");
  json.String("model");
  json.EndObject();
  if (finishReason) {
    json.Key("finishReason");
    json.String(finishReason);
  }
  json.Key("index");
  json.Int(0);
  json.EndObject();
  json.EndArray();
  writeUsage(json, usage, candidatesTokens, finishReason != nullptr);
  json.Key("modelVersion");
  writeString(json, identity.model);
  json.Key("responseId");
  writeString(json, identity.id);
  json.EndObject();
  return bufferText(buffer);
}

auto textPart(const std::string& text) {
  return [&text](JsonWriter& json) {
    json.StartObject();
    json.Key("text");
    writeString(json, text);
    json.EndObject();
  };
}

std::string wholeResponse(const ResponseIdentity& identity, const ReplyPlan& plan) {
  auto writeParts = [&](JsonWriter& json) {
    if (plan.toolCalls.empty())
      textPart(plan.text)(json);
    for (const auto& call : plan.toolCalls)
      writeFunctionCall(json, call);
  };
  return response(identity, writeParts, finishName(plan.finish), plan.usage, plan.usage.output);
}

// Each streamed response carries one text piece or one function call, and the running
// usage; the last one finishes with the whole usage.
std::vector<std::string> streamResponses(const ResponseIdentity& identity, const ReplyPlan& plan) {
  std::vector<std::string> responses;
  std::size_t outputBytes = 0;
  auto count =
      plan.toolCalls.empty() ? std::max<std::size_t>(1, plan.textPieces.size()) : plan.toolCalls.size();
  static const std::string kEmpty;
  for (std::size_t i = 0; i < count; ++i) {
    bool last = i + 1 == count;
    const char* finish = last ? finishName(plan.finish) : nullptr;
    if (plan.toolCalls.empty()) {
      const auto& piece = plan.textPieces.empty() ? kEmpty : plan.textPieces[i];
      outputBytes += piece.size();
      auto tokens = last ? plan.usage.output : tokensForBytes(outputBytes);
      responses.push_back(response(identity, textPart(piece), finish, plan.usage, tokens));
    } else {
      const auto& call = plan.toolCalls[i];
      outputBytes += call.name.size() + call.arguments.size();
      auto tokens = last ? plan.usage.output : tokensForBytes(outputBytes);
      responses.push_back(response(
          identity, [&](JsonWriter& json) { writeFunctionCall(json, call); }, finish, plan.usage, tokens));
    }
  }
  return responses;
}

void stream(Exchange& exchange, const ResponseIdentity& identity, const ReplyPlan& plan,
            GeminiStreaming streaming) {
  auto& writer = exchange.writer();
  bool sse = streaming == GeminiStreaming::Sse;
  writer.startEvents(200, sse ? "text/event-stream" : "application/json; charset=UTF-8",
                     exchange.providerHeaders());
  auto responses = streamResponses(identity, plan);
  auto errorAt = responses.size() / 2;
  for (std::size_t i = 0; i < responses.size(); ++i) {
    bool error = exchange.scenario().midstreamError && i == errorAt;
    if (error)
      responses[i] = streamErrorPayload(Provider::Gemini, exchange.scenario().midstreamErrorType);
    if (sse)
      writer.event(sseDataCrlf(responses[i]));
    else
      writer.event((i == 0 ? "[" : "\r\n,") + responses[i] + (error || i + 1 == responses.size() ? "]" : ""));
    if (error)
      break;
  }
  writer.finish();
}

std::optional<ConversationFacts> admit(Exchange& exchange, std::string_view fullModel, std::string& model) {
  if (!exchange.readScenarioHeader() || !checkCredentials(exchange) ||
      !exchange.readModelScenario(fullModel, model))
    return std::nullopt;
  auto body = parseJsonObject(exchange.request().body);
  if (!body) {
    exchange.sendError(400, "Invalid JSON payload received.");
    return std::nullopt;
  }
  ConversationFacts facts;
  if (auto problem = readGeminiRequest(*body, facts)) {
    exchange.sendError(400, problem->message);
    return std::nullopt;
  }
  if (exchange.answeredWithFailure())
    return std::nullopt;
  return facts;
}

} // namespace

void answerGeminiGenerate(Exchange& exchange, std::string_view fullModel, GeminiStreaming streaming) {
  ResponseIdentity identity;
  auto facts = admit(exchange, fullModel, identity.model);
  if (!facts)
    return;
  identity.id = uniqueId(22);
  auto plan = planReply(*facts, exchange.scenario());
  if (streaming == GeminiStreaming::None)
    exchange.sendJson(200, wholeResponse(identity, plan));
  else
    stream(exchange, identity, plan, streaming);
}

void answerGeminiCountTokens(Exchange& exchange, std::string_view fullModel) {
  std::string model;
  auto facts = admit(exchange, fullModel, model);
  if (!facts)
    return;
  rapidjson::StringBuffer buffer;
  JsonWriter json(buffer);
  json.StartObject();
  json.Key("totalTokens");
  json.Uint64(tokensForBytes(facts->promptBytes));
  json.EndObject();
  exchange.sendJson(200, bufferText(buffer));
}

} // namespace gatehouse::mock
