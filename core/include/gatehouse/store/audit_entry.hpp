// The audit log: who changed what, append-only.
#pragma once

#include <cstdint>
#include <string>

namespace gatehouse::store {

struct NewAuditEntry {
  std::string actor;      // user id, "system", or a node name
  std::string action;     // dotted verb, e.g. "api_key.revoke"
  std::string targetType; // e.g. "api_key"
  std::string targetId;
  std::string detailJson = "{}"; // never holds secrets
};

struct AuditEntry {
  std::int64_t id = 0; // increases with every append
  std::int64_t atMs = 0;
  std::string actor;
  std::string action;
  std::string targetType;
  std::string targetId;
  std::string detailJson;
};

struct AuditQuery {
  std::int64_t beforeId = 0; // 0: from the newest; otherwise entries with a smaller id (paging)
  int limit = 100;
  std::string actor;  // "" for any
  std::string action; // "" for any
};

} // namespace gatehouse::store
