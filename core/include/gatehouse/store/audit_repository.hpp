// The append-only audit log. Every method throws StoreError on failure.
#pragma once

#include <gatehouse/store/audit_entry.hpp>

#include <vector>

namespace gatehouse::store {

class AuditRepository {
public:
  virtual ~AuditRepository() = default;

  virtual AuditEntry append(const NewAuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> list(const AuditQuery& query) = 0; // newest first
};

} // namespace gatehouse::store
