#include "usage_json.hpp"

#include <cmath>

#include "json_body.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::openai {
namespace {

// Seconds (possibly fractional) as whole milliseconds; 0 for anything that is not a
// positive number.
std::int64_t secondsAsMilliseconds(const rapidjson::Value& object, const char* key) {
  if (!object.IsObject()) {
    return 0;
  }
  const auto found = object.FindMember(key);
  if (found == object.MemberEnd() || !found->value.IsNumber()) {
    return 0;
  }
  const double seconds = found->value.GetDouble();
  constexpr double kLongestAudioSeconds = 1.0e9; // far beyond any upload; guards the cast
  return seconds > 0 && seconds < kLongestAudioSeconds
             ? static_cast<std::int64_t>(std::llround(seconds * 1000))
             : 0;
}

// "HH:MM:SS,mmm", "HH:MM:SS.mmm" or "MM:SS.mmm" at the start of `text`; -1 when not one.
std::int64_t timestampMilliseconds(std::string_view text) {
  std::int64_t fields[3] = {0, 0, 0};
  int count = 0;
  std::size_t at = 0;
  while (count < 3) {
    std::int64_t value = 0;
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - start < 6) {
      value = value * 10 + (text[at] - '0');
      ++at;
    }
    if (at == start) {
      return -1;
    }
    fields[count++] = value;
    if (at < text.size() && text[at] == ':') {
      ++at;
      continue;
    }
    break;
  }
  if (count < 2 || at + 4 > text.size() || (text[at] != ',' && text[at] != '.')) {
    return -1;
  }
  std::int64_t millis = 0;
  for (std::size_t i = at + 1; i < at + 4; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    millis = millis * 10 + (text[i] - '0');
  }
  const std::int64_t hours = count == 3 ? fields[0] : 0;
  const std::int64_t minutes = count == 3 ? fields[1] : fields[0];
  const std::int64_t seconds = count == 3 ? fields[2] : fields[1];
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

// WebVTT starts with "WEBVTT"; SRT with a cue number on its own line, then the times.
// Plain text that merely contains an arrow is neither.
bool looksLikeSubtitles(std::string_view text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.remove_prefix(3);
  }
  if (text.rfind("WEBVTT", 0) == 0) {
    return true;
  }
  const std::size_t lineEnd = text.find('\n');
  if (lineEnd == 0 || lineEnd == std::string_view::npos) {
    return false;
  }
  std::string_view number = text.substr(0, lineEnd);
  if (number.back() == '\r') {
    number.remove_suffix(1);
  }
  for (const char c : number) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  const std::size_t nextEnd = text.find('\n', lineEnd + 1);
  return !number.empty() &&
         text.substr(lineEnd + 1, nextEnd - lineEnd - 1).find("-->") != std::string_view::npos;
}

} // namespace

std::int64_t subtitleEndMilliseconds(std::string_view subtitles) {
  if (!looksLikeSubtitles(subtitles)) {
    return 0;
  }
  std::int64_t end = 0;
  for (std::size_t arrow = subtitles.find("-->"); arrow != std::string_view::npos;
       arrow = subtitles.find("-->", arrow + 3)) {
    std::size_t at = arrow + 3;
    while (at < subtitles.size() && (subtitles[at] == ' ' || subtitles[at] == '\t')) {
      ++at;
    }
    const std::int64_t cueEnd = timestampMilliseconds(subtitles.substr(at));
    end = cueEnd > end ? cueEnd : end;
  }
  return end;
}

const rapidjson::Value* findChatUsage(const rapidjson::Value& body) {
  if (const rapidjson::Value* usage = memberObject(body, "usage")) {
    return usage;
  }
  if (const rapidjson::Value* groq = memberObject(body, "x_groq")) {
    return memberObject(*groq, "usage");
  }
  return nullptr;
}

providers::ChatUsage readChatUsage(const rapidjson::Value& usage) {
  providers::ChatUsage out;
  out.promptTokens = readCount(usage, "prompt_tokens");
  out.completionTokens = readCount(usage, "completion_tokens");
  if (const rapidjson::Value* details = memberObject(usage, "prompt_tokens_details")) {
    out.cachedTokens = readCount(*details, "cached_tokens");
  }
  if (const rapidjson::Value* details = memberObject(usage, "completion_tokens_details")) {
    out.reasoningTokens = readCount(*details, "reasoning_tokens");
  }
  return out;
}

void addTokenUsage(const rapidjson::Value& usage, gh_usage& out) {
  const std::int64_t input = readCount(usage, "input_tokens");
  const std::int64_t output = readCount(usage, "output_tokens");
  out.prompt_tokens = input > 0 ? input : readCount(usage, "prompt_tokens");
  out.completion_tokens = output > 0 ? output : readCount(usage, "completion_tokens");
}

void addTranscriptionUsage(const rapidjson::Value& body, gh_usage& out) {
  if (const rapidjson::Value* usage = memberObject(body, "usage")) {
    const std::string_view type = providers::stringMember(*usage, "type");
    if (type == "duration") {
      out.audio_milliseconds = secondsAsMilliseconds(*usage, "seconds");
      return;
    }
    if (type == "tokens") {
      addTokenUsage(*usage, out);
      return;
    }
  }
  out.audio_milliseconds = secondsAsMilliseconds(body, "duration");
}

} // namespace gatehouse::plugins::openai
