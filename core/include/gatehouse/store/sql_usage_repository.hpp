// UsageRepository in SQL, for every SqlDatabase.
//
// How a batch stays exactly-once: the transaction first takes a fresh id from usage_batches,
// inserts the events with that batch id, skipping request ids already stored, then adds to
// usage_rollups what it sums from the rows carrying that batch id. Skipped rows keep the batch
// id of the call that stored them, so they are never counted twice, even when two nodes send
// the same event at once (the second insert waits on the first one's row lock).
#pragma once

#include <gatehouse/store/sql_database.hpp>
#include <gatehouse/store/usage_repository.hpp>

namespace gatehouse::store {

class SqlUsageRepository final : public UsageRepository {
public:
  // Multi-row inserts are sent in chunks whose sizes are powers of two up to this, so a
  // connection caches at most ten insert statements whatever the batch sizes.
  static constexpr std::size_t kMaxRowsPerInsert = 512;

  explicit SqlUsageRepository(SqlDatabase& database);

  std::size_t insert(std::span<const UsageEvent> events) override;
  std::optional<UsageEvent> find(const std::string& requestId) override;
  std::vector<UsageAggregate> summarize(const UsageQuery& query) override;

private:
  std::size_t insertChunk(SqlConnection& connection, std::int64_t batchId,
                          std::span<const UsageEvent> events);

  SqlDatabase& database_;
  std::vector<std::string> insertSql_; // [k]: the insert for 2^k rows
  std::string rollupSql_;
};

} // namespace gatehouse::store
