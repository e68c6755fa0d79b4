#include "model_list.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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
  if (parseJson(anthropicBody, document) && document.IsObject()) {
    data = findMember(document, "data");
  }
  if (data == nullptr || !data->IsArray()) {
    throw sdk::Error(GH_ERROR_UPSTREAM,
                     "anthropic provider '" + std::string(providerName) + "': the model list is unreadable");
  }
  ModelPage page;
  for (const auto& entry : data->GetArray()) {
    const rapidjson::Value* id = findMember(entry, "id");
    if (id == nullptr || !id->IsString()) {
      continue;
    }
    ListedModel model{std::string(stringView(*id)), 0};
    if (const rapidjson::Value* created = findMember(entry, "created_at");
        created != nullptr && created->IsString()) {
      model.created = parseTimestamp(stringView(*created)).value_or(0);
    }
    page.models.push_back(std::move(model));
  }
  const rapidjson::Value* hasMore = findMember(document, "has_more");
  const rapidjson::Value* lastId = findMember(document, "last_id");
  if (hasMore != nullptr && hasMore->IsBool() && hasMore->GetBool() && lastId != nullptr &&
      lastId->IsString() && lastId->GetStringLength() > 0) {
    page.nextAfterId = std::string(stringView(*lastId));
  }
  return page;
}

std::string openAiModelList(const std::vector<ListedModel>& models) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (const ListedModel& model : models) {
    writer.StartObject();
    writer.Key("id");
    writer.String(model.id.data(), static_cast<rapidjson::SizeType>(model.id.size()));
    writer.Key("object");
    writer.String("model");
    writer.Key("created");
    writer.Int64(model.created);
    writer.Key("owned_by");
    writer.String("anthropic");
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace gatehouse::plugins::anthropic
