#include <gatehouse/store/sql_audit_repository.hpp>
#include <gatehouse/store/store_clock.hpp>

#include <algorithm>

namespace gatehouse::store {

AuditEntry SqlAuditRepository::append(const NewAuditEntry& entry) {
  AuditEntry stored{
      0, currentTimeMs(), entry.actor, entry.action, entry.targetType, entry.targetId, entry.detailJson};
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    connection.execute("INSERT INTO audit_log (at_ms, actor, action, target_type, target_id, detail_json) "
                       "VALUES (?, ?, ?, ?, ?, ?)",
                       {sqlInt(stored.atMs), stored.actor, stored.action, stored.targetType, stored.targetId,
                        stored.detailJson});
    stored.id = connection.lastInsertId();
  });
  return stored;
}

std::vector<AuditEntry> SqlAuditRepository::list(const AuditQuery& query) {
  // Only fixed fragments are joined; every value is a bound parameter.
  std::string sql =
      "SELECT id, at_ms, actor, action, target_type, target_id, detail_json FROM audit_log WHERE 1 = 1";
  SqlParams params;
  if (query.beforeId > 0) {
    sql += " AND id < ?";
    params.push_back(sqlInt(query.beforeId));
  }
  if (!query.actor.empty()) {
    sql += " AND actor = ?";
    params.push_back(query.actor);
  }
  if (!query.action.empty()) {
    sql += " AND action = ?";
    params.push_back(query.action);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(sqlInt(std::clamp(query.limit, 1, 1000)));
  std::vector<AuditEntry> entries;
  database_.read([&](SqlConnection& connection) {
    entries.clear();
    for (const SqlRow& row : connection.query(sql, params)) {
      entries.push_back(AuditEntry{row.int64(0), row.int64(1), row.text(2), row.text(3), row.text(4),
                                   row.text(5), row.text(6)});
    }
  });
  return entries;
}

} // namespace gatehouse::store
