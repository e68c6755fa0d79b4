#include "refused_fields.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "client_error.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using rapidjson::Value;

// Fields the request translation reads.
constexpr std::array<std::string_view, 19> kTranslated = {"model",
                                                          "messages",
                                                          "stream",
                                                          "stream_options",
                                                          "temperature",
                                                          "top_p",
                                                          "top_k",
                                                          "max_tokens",
                                                          "max_completion_tokens",
                                                          "stop",
                                                          "n",
                                                          "presence_penalty",
                                                          "frequency_penalty",
                                                          "seed",
                                                          "response_format",
                                                          "reasoning_effort",
                                                          "tools",
                                                          "tool_choice",
                                                          "parallel_tool_calls"};

// Fields that do not change the answer.
constexpr std::array<std::string_view, 7> kIgnored = {
    "user", "metadata", "store", "service_tier", "prediction", "prompt_cache_key", "safety_identifier"};

[[noreturn]] void refuse(std::string_view param, const std::string& why) {
  throw invalidParam(std::string(param),
                     std::string(param) + " is not supported by the Gemini provider: " + why);
}

bool neutralModalities(const Value& modalities) {
  return modalities.IsArray() && std::all_of(modalities.Begin(), modalities.End(), [](const Value& modality) {
           return providers::stringView(modality) == "text";
         });
}

// Why `name` set to `value` cannot be served; empty when it can (or is someone else's).
std::string problem(std::string_view name, const Value& value) {
  if (name == "logprobs") {
    return value.IsFalse() ? "" : "Gemini's answer carries no OpenAI log probabilities";
  }
  if (name == "top_logprobs") {
    return value.IsInt() && value.GetInt() == 0 ? "" : "Gemini's answer carries no OpenAI log probabilities";
  }
  if (name == "logit_bias") {
    return value.IsObject() && value.ObjectEmpty() ? "" : "Gemini has no token biasing";
  }
  if (name == "audio") {
    return "audio output is not available";
  }
  if (name == "modalities") {
    return neutralModalities(value) ? "" : "only [\"text\"] is available";
  }
  if (name == "functions") {
    return "it is the deprecated form of tools; send tools";
  }
  if (name == "function_call") {
    return "it is the deprecated form of tool_choice; send tool_choice";
  }
  if (name == "web_search_options") {
    return "web search is not available through this provider";
  }
  if (name == "verbosity") {
    return providers::stringView(value) == "medium" ? "" : "Gemini has no verbosity setting";
  }
  const auto known = [name](const auto& list) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  if (known(kTranslated) || known(kIgnored)) {
    return "";
  }
  return "the field is unknown to it, and ignoring it could change the answer";
}

} // namespace

void refuseUnsupportedFields(const rapidjson::Value& body) {
  if (!body.IsObject()) {
    return;
  }
  for (const auto& member : body.GetObject()) {
    if (member.value.IsNull()) {
      continue;
    }
    const std::string_view name = providers::stringView(member.name);
    const std::string why = problem(name, member.value);
    if (!why.empty()) {
      refuse(name, why);
    }
  }
}

} // namespace gatehouse::plugins::gemini
