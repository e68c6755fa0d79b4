// AuditRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/audit_repository.hpp>
#include <gatehouse/store/sql_database.hpp>

namespace gatehouse::store {

class SqlAuditRepository final : public AuditRepository {
public:
  explicit SqlAuditRepository(SqlDatabase& database) : database_(database) {}

  AuditEntry append(const NewAuditEntry& entry) override;
  std::vector<AuditEntry> list(const AuditQuery& query) override;

private:
  SqlDatabase& database_;
};

} // namespace gatehouse::store
