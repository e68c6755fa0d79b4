#include "field_policy.hpp"

#include <array>
#include <string>

#include "request_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

// Accepts `value` or throws; null values never reach a check (null means "not given").
using Check = void (*)(const rapidjson::Value& value);

struct Field {
  std::string_view name;
  Check check; // nullptr: accepted as is (translated elsewhere, or ignored)
};

void checkN(const rapidjson::Value& value) {
  if (!value.IsInt() || value.GetInt() != 1) {
    refuseParam("n", "the anthropic provider returns exactly one choice (n must be 1)");
  }
}

void checkLogprobs(const rapidjson::Value& value) {
  if (!value.IsBool()) {
    refuseParam("logprobs", "must be a boolean");
  }
  if (value.GetBool()) {
    refuseParam("logprobs", "log probabilities are not available from the anthropic provider");
  }
}

void checkTopLogprobs(const rapidjson::Value& value) {
  if (!value.IsInt() || value.GetInt() != 0) {
    refuseParam("top_logprobs", "log probabilities are not available from the anthropic provider");
  }
}

void checkPenalty(const rapidjson::Value& value, std::string_view name) {
  if (!value.IsNumber()) {
    refuseParam(name, "must be a number");
  }
  if (value.GetDouble() != 0.0) {
    refuseParam(name, "the anthropic provider has no " + std::string(name) + " (only 0 is accepted)");
  }
}

void checkPresencePenalty(const rapidjson::Value& value) {
  checkPenalty(value, "presence_penalty");
}

void checkFrequencyPenalty(const rapidjson::Value& value) {
  checkPenalty(value, "frequency_penalty");
}

void checkLogitBias(const rapidjson::Value& value) {
  if (!value.IsObject()) {
    refuseParam("logit_bias", "must be an object");
  }
  if (value.MemberCount() != 0) {
    refuseParam("logit_bias", "token biases are not supported by the anthropic provider");
  }
}

void checkModalities(const rapidjson::Value& value) {
  if (!value.IsArray()) {
    refuseParam("modalities", "must be an array");
  }
  for (const auto& modality : value.GetArray()) {
    if (!modality.IsString() || providers::stringView(modality) != "text") {
      refuseParam("modalities", "the anthropic provider answers with text only");
    }
  }
}

void refuseAudio(const rapidjson::Value&) {
  refuseParam("audio", "audio output is not supported by the anthropic provider");
}

void checkReasoningEffort(const rapidjson::Value& value) {
  if (!value.IsString() || providers::stringView(value) != "none") {
    refuseParam("reasoning_effort", "reasoning effort is not supported by the anthropic provider");
  }
}

void refuseWebSearch(const rapidjson::Value&) {
  refuseParam("web_search_options", "web search is not supported by the anthropic provider");
}

void refuseFunctions(const rapidjson::Value&) {
  refuseParam("functions", "the deprecated functions parameter is not supported; use tools");
}

void refuseFunctionCall(const rapidjson::Value&) {
  refuseParam("function_call", "the deprecated function_call parameter is not supported; use tool_choice");
}

constexpr std::array<Field, 33> kFields{{
    // Translated (checked where they are read).
    {"model", nullptr},
    {"messages", nullptr},
    {"max_tokens", nullptr},
    {"max_completion_tokens", nullptr},
    {"temperature", nullptr},
    {"top_p", nullptr},
    {"stop", nullptr},
    {"tools", nullptr},
    {"tool_choice", nullptr},
    {"parallel_tool_calls", nullptr},
    {"response_format", nullptr},
    {"user", nullptr},
    {"safety_identifier", nullptr},
    {"stream", nullptr},
    {"stream_options", nullptr},
    // Ignored: they do not change the answer.
    {"seed", nullptr},
    {"service_tier", nullptr},
    {"store", nullptr},
    {"metadata", nullptr},
    {"prediction", nullptr},
    {"prompt_cache_key", nullptr},
    // Refused when they ask for something Claude cannot do.
    {"n", &checkN},
    {"logprobs", &checkLogprobs},
    {"top_logprobs", &checkTopLogprobs},
    {"presence_penalty", &checkPresencePenalty},
    {"frequency_penalty", &checkFrequencyPenalty},
    {"logit_bias", &checkLogitBias},
    {"modalities", &checkModalities},
    {"audio", &refuseAudio},
    {"reasoning_effort", &checkReasoningEffort},
    {"web_search_options", &refuseWebSearch},
    {"functions", &refuseFunctions},
    {"function_call", &refuseFunctionCall},
}};

const Field* findField(std::string_view name) {
  for (const Field& field : kFields) {
    if (field.name == name) {
      return &field;
    }
  }
  return nullptr;
}

} // namespace

void checkFieldPolicy(const rapidjson::Value& request) {
  for (const auto& member : request.GetObject()) {
    const std::string_view name = providers::stringView(member.name);
    const Field* field = findField(name);
    if (field == nullptr) {
      refuseParam(name, "this parameter is not supported by the anthropic provider");
    }
    if (field->check != nullptr && !member.value.IsNull()) {
      field->check(member.value);
    }
  }
}

} // namespace gatehouse::plugins::anthropic
