#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/gateway/credential_rest.hpp>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

namespace gatehouse::gateway {
namespace {

// A non-negative decimal number, optionally with a fraction ("1500", "0.5"), scaled by
// `unitMs` to milliseconds; nullopt for anything else.
std::optional<std::int64_t> decimalMs(std::string_view text, std::int64_t unitMs) {
  text = ascii::trimBlanks(text);
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 9 || whole.front() == '-' ||
      (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
  if (error != std::errc() || end != whole.data() + whole.size()) {
    return std::nullopt;
  }
  std::int64_t ms = value * unitMs;
  std::int64_t scale = unitMs;
  for (char digit : fraction) {
    if (digit < '0' || digit > '9') {
      return std::nullopt;
    }
    scale /= 10;
    ms += (digit - '0') * scale;
  }
  return ms;
}

std::optional<std::int64_t> httpDateDelayMs(std::string_view text, std::int64_t nowEpochMs) {
  // Poco's parser is lenient (it reads "tomorrow" as some date); every HTTP-date form
  // carries a time of day, so no colon means no date.
  if (text.find(':') == std::string_view::npos) {
    return std::nullopt;
  }
  Poco::DateTime date;
  int zone = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, std::string(ascii::trimBlanks(text)),
                                      date, zone)) {
    return std::nullopt;
  }
  date.makeUTC(zone);
  return date.timestamp().epochMicroseconds() / 1000 - nowEpochMs;
}

} // namespace

std::int64_t credentialRestMs(int httpStatus, std::string_view retryAfterMs, std::string_view retryAfter,
                              std::int64_t nowEpochMs) {
  if (httpStatus == 401 || httpStatus == 403) {
    return kRefusedRestMs;
  }
  if (httpStatus != 429) {
    return 0;
  }
  std::optional<std::int64_t> hint;
  if (!retryAfterMs.empty()) {
    hint = decimalMs(retryAfterMs, 1);
  }
  if (!hint && !retryAfter.empty()) {
    hint = decimalMs(retryAfter, 1000);
    if (!hint) {
      hint = httpDateDelayMs(retryAfter, nowEpochMs);
    }
  }
  return hint ? std::clamp(*hint, kMinRestMs, kMaxRestMs) : kRateLimitedRestMs;
}

} // namespace gatehouse::gateway
