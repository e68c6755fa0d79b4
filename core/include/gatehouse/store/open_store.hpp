// Opens the configured store: SQLite (the embedded default) or MySQL.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/store/migration_result.hpp>
#include <gatehouse/store/store.hpp>

#include <memory>

namespace gatehouse::store {

enum class SchemaPolicy {
  Migrate,        // apply pending migrations first (the default at start-up)
  RequireCurrent, // refuse a schema older or newer than this binary
};

// Throws StoreError: Invalid for bad configuration, Unavailable when the database cannot be
// reached, SchemaMismatch when the schema is newer than this binary knows.
std::unique_ptr<Store> openStore(const StorageConfig& config, SchemaPolicy policy = SchemaPolicy::Migrate);

// `gatehouse migrate --config PATH`: brings the schema up to date and reports what it did.
MigrationResult migrateStore(const StorageConfig& config);

} // namespace gatehouse::store
