// What a migration run did.
#pragma once

namespace gatehouse::store {

struct MigrationResult {
  int fromVersion = 0; // 0: the database was empty
  int toVersion = 0;

  bool changed() const { return toVersion != fromVersion; }
};

} // namespace gatehouse::store
