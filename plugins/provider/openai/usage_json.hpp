// Reading what a request consumed out of OpenAI's usage objects, as the host bills it.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <rapidjson/document.h>

#include <cstdint>
#include <string_view>

#include "chat_usage.hpp"

namespace gatehouse::plugins::openai {

// The usage object of a chat completion or chunk: "usage", or Groq's "x_groq.usage";
// nullptr when there is none (or it is null, as in OpenAI's non-final chunks).
const rapidjson::Value* findChatUsage(const rapidjson::Value& body);

// prompt_tokens, completion_tokens, prompt_tokens_details.cached_tokens and
// completion_tokens_details.reasoning_tokens.
providers::ChatUsage readChatUsage(const rapidjson::Value& usage);

// Token usage of images (gpt-image-*) and transcriptions: input_tokens as prompt tokens,
// output_tokens as completion tokens (prompt_tokens / completion_tokens when a
// compatible server uses those names instead).
void addTokenUsage(const rapidjson::Value& usage, gh_usage& out);

// A transcription's usage: {"type":"duration","seconds":N} as audio milliseconds,
// {"type":"tokens",...} as tokens, else verbose_json's top-level "duration" (seconds).
void addTranscriptionUsage(const rapidjson::Value& body, gh_usage& out);

// The end of the last cue of an SRT or WebVTT transcript ("00:01:02,500 --> 00:01:04,250"),
// in milliseconds: the closest these formats come to the audio's duration (a silent
// tail is not in it). 0 when `subtitles` is not SRT or WebVTT or has no cue.
std::int64_t subtitleEndMilliseconds(std::string_view subtitles);

} // namespace gatehouse::plugins::openai
