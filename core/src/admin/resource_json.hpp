// The JSON the admin API answers with (internal to gatehouse_admin). Times are unix
// seconds, like OpenAI's "created_at"; absent values are null. An API key is shown with
// its display prefix only: never its hash, and its secret only in the one response that
// created it.
#pragma once

#include <gatehouse/plugin_host/principal.hpp>
#include <gatehouse/store/api_key.hpp>
#include <gatehouse/store/team.hpp>
#include <gatehouse/store/user.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::admin::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void writeString(Writer& writer, std::string_view text);
void writeNullableString(Writer& writer, std::string_view text); // empty -> null
void writeNullableSeconds(Writer& writer, std::optional<std::int64_t> ms);
std::string_view roleName(store::Role role);
std::string_view roleName(gh_role role);

// "active", "disabled", "revoked" or "expired" at `nowMs` (revoked wins, then expired).
std::string_view keyStatus(const store::ApiKey& key, std::int64_t nowMs);

// Writes one object member by member; the caller brackets with StartObject/EndObject
// so a response may add fields (e.g. the created key's secret).
void writeKeyFields(Writer& writer, const store::ApiKey& key, std::int64_t nowMs);
void writeUserFields(Writer& writer, const store::User& user);
void writeTeamFields(Writer& writer, const store::Team& team);
void writeMemberFields(Writer& writer, const store::TeamMember& member, const store::User* user);

std::string keyJson(const store::ApiKey& key, std::int64_t nowMs);
std::string userJson(const store::User& user,
                     const std::vector<std::pair<store::TeamMember, store::Team>>& teams);

// {"object":"list","data":[<items>],"first_id":..,"last_id":..,"has_more":..}; each item is
// already serialised JSON.
std::string listJson(const std::vector<std::string>& items, const std::string& firstId,
                     const std::string& lastId, bool hasMore);

// The same for `items` serialised from `records` in order; first_id and last_id are
// idOf(record) of the first and last record ("" when there are none).
template <class Record, class IdOf>
std::string listJson(const std::vector<std::string>& items, const std::vector<Record>& records, IdOf idOf,
                     bool hasMore) {
  if (records.empty())
    return listJson(items, std::string(), std::string(), hasMore);
  return listJson(items, idOf(records.front()), idOf(records.back()), hasMore);
}

std::string finish(const rapidjson::StringBuffer& buffer);

} // namespace gatehouse::admin::json
