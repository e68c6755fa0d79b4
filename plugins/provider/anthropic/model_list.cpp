#include "model_list.hpp"

#include <gatehouse/sdk/error.hpp>

#include <charconv>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

bool readNumber(std::string_view text, std::size_t at, std::size_t length, int& out) {
  if (at + length > text.size()) {
    return false;
  }
  const char* begin = text.data() + at;
  const auto result = std::from_chars(begin, begin + length, out);
  return result.ec == std::errc() && result.ptr == begin + length;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yearOfEra = year - era * 400;
  const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return static_cast<std::int64_t>(era) * 146097 + dayOfEra - 719468;
}

// The offset after the seconds (and an optional fraction): "Z", "+hh:mm" or "-hh:mm".
std::optional<std::int64_t> offsetSeconds(std::string_view text, std::size_t at) {
  if (at < text.size() && text[at] == '.') {
    ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      ++at;
    }
  }
  if (at + 1 == text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    return 0;
  }
  int hours = 0;
  int minutes = 0;
  if (at + 6 != text.size() || (text[at] != '+' && text[at] != '-') || text[at + 3] != ':' ||
      !readNumber(text, at + 1, 2, hours) || !readNumber(text, at + 4, 2, minutes)) {
    return std::nullopt;
  }
  const std::int64_t offset = hours * 3600 + minutes * 60;
  return text[at] == '+' ? offset : -offset;
}

} // namespace

std::optional<std::int64_t> parseTimestamp(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') ||
      text[13] != ':' || text[16] != ':' || !readNumber(text, 0, 4, year) || !readNumber(text, 5, 2, month) ||
      !readNumber(text, 8, 2, day) || !readNumber(text, 11, 2, hour) || !readNumber(text, 14, 2, minute) ||
      !readNumber(text, 17, 2, second) || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  const std::optional<std::int64_t> offset = offsetSeconds(text, 19);
  if (!offset) {
    return std::nullopt;
  }
  return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - *offset;
}

ModelPage readModelPage(std::string_view anthropicBody, std::string_view providerName) {
  rapidjson::Document document;
  const rapidjson::Value* data = nullptr;
  if (providers::parseJson(anthropicBody, document) && document.IsObject()) {
    data = providers::findSet(document, "data");
  }
  if (data == nullptr || !data->IsArray()) {
    throw sdk::Error(GH_ERROR_UPSTREAM,
                     "anthropic provider '" + std::string(providerName) + "': the model list is unreadable");
  }
  ModelPage page;
  for (const auto& entry : data->GetArray()) {
    const rapidjson::Value* id = providers::findSet(entry, "id");
    if (id == nullptr || !id->IsString()) {
      continue;
    }
    providers::ListedModel model{std::string(providers::stringView(*id)), 0};
    if (const rapidjson::Value* created = providers::findSet(entry, "created_at");
        created != nullptr && created->IsString()) {
      model.created = parseTimestamp(providers::stringView(*created)).value_or(0);
    }
    page.models.push_back(std::move(model));
  }
  const rapidjson::Value* hasMore = providers::findSet(document, "has_more");
  const rapidjson::Value* lastId = providers::findSet(document, "last_id");
  if (hasMore != nullptr && hasMore->IsBool() && hasMore->GetBool() && lastId != nullptr &&
      lastId->IsString() && lastId->GetStringLength() > 0) {
    page.nextAfterId = std::string(providers::stringView(*lastId));
  }
  return page;
}

} // namespace gatehouse::plugins::anthropic
