#include <gatehouse/store/sql_usage_repository.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>
#include <gatehouse/store/utf8_text.hpp>

#include <bit>

namespace gatehouse::store {
namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;

const char* const kEventColumns =
    "request_id, batch_id, started_at_ms, hour_start_ms, user_id, team_id, app, key_id, provider, model, "
    "upstream_model, endpoint, streamed, http_status, duration_ms, prompt_tokens, completion_tokens, "
    "cached_prompt_tokens, reasoning_tokens, images, audio_ms, characters, cost_micro_usd, image_width, "
    "image_height, image_quality";
constexpr int kEventColumnCount = 26;
// SQLite binds at most 32766 parameters per statement (MySQL 65535): the largest chunk must fit.
static_assert(SqlUsageRepository::kMaxRowsPerInsert * kEventColumnCount <= 32766);

// Rollup measures and how each is summed from usage_events.
struct Measure {
  const char* column;
  const char* sum;
};
constexpr Measure kMeasures[] = {
    {"requests", "COUNT(*)"},
    {"error_requests", "SUM(CASE WHEN http_status >= 400 THEN 1 ELSE 0 END)"},
    {"unpriced_requests", "SUM(CASE WHEN cost_micro_usd < 0 THEN 1 ELSE 0 END)"},
    {"prompt_tokens", "SUM(prompt_tokens)"},
    {"completion_tokens", "SUM(completion_tokens)"},
    {"cached_prompt_tokens", "SUM(cached_prompt_tokens)"},
    {"reasoning_tokens", "SUM(reasoning_tokens)"},
    {"images", "SUM(images)"},
    {"audio_ms", "SUM(audio_ms)"},
    {"characters", "SUM(characters)"},
    {"cost_micro_usd", "SUM(CASE WHEN cost_micro_usd > 0 THEN cost_micro_usd ELSE 0 END)"},
    {"duration_ms", "SUM(duration_ms)"},
};
const char* const kRollupKey = "hour_start_ms, user_id, team_id, app, model, key_id";

std::string insertSql(const SqlDialect& dialect, std::size_t rows) {
  std::string row = "(";
  for (int i = 0; i < kEventColumnCount; ++i)
    row += i == 0 ? "?" : ", ?";
  row += ")";
  std::string sql(dialect.insertIgnore());
  sql.append(" INTO usage_events (").append(kEventColumns).append(") VALUES ");
  sql.reserve(sql.size() + rows * (row.size() + 2));
  for (std::size_t i = 0; i < rows; ++i)
    sql.append(i == 0 ? "" : ", ").append(row);
  return sql;
}

std::string rollupSql(const SqlDialect& dialect) {
  std::string columns = kRollupKey;
  std::string sums = kRollupKey;
  std::string updates;
  for (const Measure& measure : kMeasures) {
    columns.append(", ").append(measure.column);
    sums.append(", ").append(measure.sum);
    updates.append(updates.empty() ? " " : ", ")
        .append(measure.column)
        .append(" = usage_rollups.")
        .append(measure.column)
        .append(" + ")
        .append(dialect.proposed(measure.column));
  }
  return "INSERT INTO usage_rollups (" + columns + ") SELECT " + sums +
         " FROM usage_events WHERE batch_id = ? GROUP BY " + kRollupKey + " " +
         dialect.onConflictUpdate(kRollupKey) + updates;
}

void appendEvent(SqlParams& params, const UsageEvent& event, std::int64_t batchId) {
  if (event.requestId.empty())
    throw StoreError(StoreError::Kind::Invalid, "a usage event needs a request id");
  // Lengths match the MySQL columns; both drivers trim alike so they store the same thing.
  params.emplace_back(boundedUtf8(event.requestId, 128));
  params.emplace_back(batchId);
  params.emplace_back(event.startedAtMs);
  params.emplace_back(event.startedAtMs - ((event.startedAtMs % kHourMs) + kHourMs) % kHourMs);
  params.emplace_back(boundedUtf8(event.subject, 128));
  params.emplace_back(boundedUtf8(event.team, 64));
  params.emplace_back(boundedUtf8(event.app, 64));
  params.emplace_back(boundedUtf8(event.keyId, 64));
  params.emplace_back(boundedUtf8(event.provider, 128));
  params.emplace_back(boundedUtf8(event.model, 128));
  params.emplace_back(boundedUtf8(event.upstreamModel, 255));
  params.emplace_back(std::int64_t{event.endpoint});
  params.emplace_back(sqlBool(event.streamed));
  params.emplace_back(std::int64_t{event.httpStatus});
  params.emplace_back(event.durationMs);
  params.emplace_back(std::int64_t{event.usage.prompt_tokens});
  params.emplace_back(std::int64_t{event.usage.completion_tokens});
  params.emplace_back(std::int64_t{event.usage.cached_prompt_tokens});
  params.emplace_back(std::int64_t{event.usage.reasoning_tokens});
  params.emplace_back(std::int64_t{event.usage.images});
  params.emplace_back(std::int64_t{event.usage.audio_milliseconds});
  params.emplace_back(std::int64_t{event.usage.characters});
  params.emplace_back(event.costMicroUsd);
  params.emplace_back(std::int64_t{event.usage.image_width});
  params.emplace_back(std::int64_t{event.usage.image_height});
  params.emplace_back(std::int64_t{event.usage.image_quality});
}

UsageEvent toEvent(const SqlRow& row) {
  UsageEvent event;
  event.requestId = row.text(0);
  event.startedAtMs = row.int64(2);
  event.subject = row.text(4);
  event.team = row.text(5);
  event.app = row.text(6);
  event.keyId = row.text(7);
  event.provider = row.text(8);
  event.model = row.text(9);
  event.upstreamModel = row.text(10);
  event.endpoint = static_cast<gh_endpoint>(row.int64(11));
  event.streamed = row.int64(12) != 0;
  event.httpStatus = static_cast<int>(row.int64(13));
  event.durationMs = row.int64(14);
  event.usage.prompt_tokens = row.int64(15);
  event.usage.completion_tokens = row.int64(16);
  event.usage.cached_prompt_tokens = row.int64(17);
  event.usage.reasoning_tokens = row.int64(18);
  event.usage.images = row.int64(19);
  event.usage.audio_milliseconds = row.int64(20);
  event.usage.characters = row.int64(21);
  event.costMicroUsd = row.int64(22);
  event.usage.image_width = static_cast<std::int32_t>(row.int64(23));
  event.usage.image_height = static_cast<std::int32_t>(row.int64(24));
  event.usage.image_quality = static_cast<std::int32_t>(row.int64(25));
  return event;
}

const char* groupColumn(UsageGroupBy groupBy) {
  switch (groupBy) {
  case UsageGroupBy::User: return "user_id";
  case UsageGroupBy::Team: return "team_id";
  case UsageGroupBy::App: return "app";
  case UsageGroupBy::Model: return "model";
  case UsageGroupBy::Key: return "key_id";
  case UsageGroupBy::Hour: return "hour_start_ms";
  case UsageGroupBy::None: break;
  }
  return nullptr;
}

} // namespace

SqlUsageRepository::SqlUsageRepository(SqlDatabase& database)
    : database_(database), rollupSql_(rollupSql(database.dialect())) {
  for (std::size_t rows = 1; rows <= kMaxRowsPerInsert; rows *= 2)
    insertSql_.push_back(insertSql(database.dialect(), rows));
}

std::size_t SqlUsageRepository::insertChunk(SqlConnection& connection, std::int64_t batchId,
                                            std::span<const UsageEvent> events) {
  SqlParams params;
  params.reserve(events.size() * kEventColumnCount);
  for (const UsageEvent& event : events)
    appendEvent(params, event, batchId);
  const auto sizeIndex = static_cast<std::size_t>(std::countr_zero(events.size()));
  return static_cast<std::size_t>(connection.execute(insertSql_.at(sizeIndex), params));
}

std::size_t SqlUsageRepository::insert(std::span<const UsageEvent> events) {
  if (events.empty())
    return 0;
  std::size_t inserted = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    inserted = 0;
    // A batch id never handed out before; the row itself is not kept (see the migration).
    connection.execute("INSERT INTO usage_batches (created_at_ms) VALUES (?)", {sqlInt(currentTimeMs())});
    const std::int64_t batchId = connection.lastInsertId();
    connection.execute("DELETE FROM usage_batches WHERE id = ?", {sqlInt(batchId)});
    std::size_t offset = 0;
    while (offset < events.size()) {
      const std::size_t rows = std::bit_floor(std::min(events.size() - offset, kMaxRowsPerInsert));
      inserted += insertChunk(connection, batchId, events.subspan(offset, rows));
      offset += rows;
    }
    if (inserted > 0)
      connection.execute(rollupSql_, {sqlInt(batchId)});
  });
  return inserted;
}

std::optional<UsageEvent> SqlUsageRepository::find(const std::string& requestId) {
  std::optional<UsageEvent> event;
  database_.read([&](SqlConnection& connection) {
    const auto rows = connection.query(
        std::string("SELECT ") + kEventColumns + " FROM usage_events WHERE request_id = ?", {requestId});
    event = rows.empty() ? std::nullopt : std::optional<UsageEvent>(toEvent(rows.front()));
  });
  return event;
}

std::vector<UsageAggregate> SqlUsageRepository::summarize(const UsageQuery& query) {
  const char* group = groupColumn(query.groupBy);
  // Only fixed fragments are joined; every value is a bound parameter.
  std::string sql = std::string("SELECT ") + (group != nullptr ? group : "''");
  for (const Measure& measure : kMeasures)
    sql.append(", SUM(").append(measure.column).append(")");
  sql += " FROM usage_rollups WHERE hour_start_ms >= ? AND hour_start_ms < ?";
  SqlParams params{sqlInt(query.fromMs), sqlInt(query.toMs)};
  const std::pair<const char*, const std::string*> filters[] = {
      {"user_id", &query.userId}, {"team_id", &query.teamId}, {"key_id", &query.keyId}};
  for (const auto& [column, value] : filters) {
    if (value->empty())
      continue;
    sql.append(" AND ").append(column).append(" = ?");
    params.emplace_back(*value);
  }
  if (group != nullptr)
    sql.append(" GROUP BY ").append(group).append(" ORDER BY ").append(group);

  std::vector<UsageAggregate> aggregates;
  database_.read([&](SqlConnection& connection) {
    aggregates.clear();
    for (const SqlRow& row : connection.query(sql, params)) {
      UsageAggregate aggregate;
      aggregate.key = row.text(0);
      aggregate.requests = row.int64(1);
      aggregate.errorRequests = row.int64(2);
      aggregate.unpricedRequests = row.int64(3);
      aggregate.promptTokens = row.int64(4);
      aggregate.completionTokens = row.int64(5);
      aggregate.cachedPromptTokens = row.int64(6);
      aggregate.reasoningTokens = row.int64(7);
      aggregate.images = row.int64(8);
      aggregate.audioMilliseconds = row.int64(9);
      aggregate.characters = row.int64(10);
      aggregate.costMicroUsd = row.int64(11);
      aggregate.durationMs = row.int64(12);
      // An ungrouped sum over no rows is one row of NULLs: report nothing, as grouped queries do.
      if (group == nullptr && row.isNull(1))
        continue;
      aggregates.push_back(std::move(aggregate));
    }
  });
  return aggregates;
}

} // namespace gatehouse::store
