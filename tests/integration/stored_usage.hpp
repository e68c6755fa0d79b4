// Reads back, through the store API, what a gateway that has exited left in its SQLite store.
#pragma once

#include <gatehouse/store/open_store.hpp>

#include <memory>
#include <string>

namespace gatehouse::testing {

inline std::unique_ptr<store::Store> openSqliteStore(const std::string& path) {
  StorageConfig storage;
  storage.driver = "sqlite";
  storage.sqlite.path = path;
  return store::openStore(storage, store::SchemaPolicy::RequireCurrent);
}

// Every request the store counted, whenever it happened.
inline store::UsageAggregate usageTotals(store::Store& state) {
  store::UsageQuery query;
  query.fromMs = 0;
  query.toMs = std::int64_t{1} << 52;
  const auto rows = state.usage().summarize(query);
  return rows.empty() ? store::UsageAggregate{} : rows.front();
}

} // namespace gatehouse::testing
