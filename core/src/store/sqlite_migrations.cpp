// The schema for SQLite. Keep in step with mysql_migrations.cpp: same versions, names, tables,
// columns and index names (schema_sync_test compares the two). Never edit a released
// migration; add the next number.
#include <gatehouse/store/migration.hpp>

namespace gatehouse::store {

const std::vector<Migration>& sqliteMigrations() {
  static const std::vector<Migration> migrations = {
      {1,
       "identity and audit",
       {
           "CREATE TABLE store_counters (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL)",
           "INSERT INTO store_counters (name, value) VALUES ('api_key_changes', 0)",
           "CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, "
           "actor TEXT NOT NULL, action TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL, "
           "detail_json TEXT NOT NULL)",
           "CREATE INDEX ix_audit_log_actor ON audit_log (actor, id)",
           "CREATE INDEX ix_audit_log_action ON audit_log (action, id)",
           "CREATE TABLE users (id TEXT NOT NULL PRIMARY KEY, external_subject TEXT, email TEXT NOT NULL, "
           "display_name TEXT NOT NULL, role INTEGER NOT NULL, disabled INTEGER NOT NULL, "
           "created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL)",
           "CREATE UNIQUE INDEX ux_users_external_subject ON users (external_subject)",
           "CREATE INDEX ix_users_email ON users (email)",
           "CREATE TABLE teams (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, "
           "monthly_budget_micro_usd INTEGER, created_at_ms INTEGER NOT NULL)",
           "CREATE UNIQUE INDEX ux_teams_name ON teams (name)",
           "CREATE TABLE team_members (team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE, "
           "user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE, role INTEGER NOT NULL, "
           "added_at_ms INTEGER NOT NULL, PRIMARY KEY (team_id, user_id))",
           "CREATE INDEX ix_team_members_user ON team_members (user_id)",
       }},
      {2,
       "api keys",
       {
           "CREATE TABLE api_keys (id TEXT NOT NULL PRIMARY KEY, key_hash TEXT NOT NULL, "
           "prefix TEXT NOT NULL, owner_user_id TEXT NOT NULL REFERENCES users (id), "
           "team_id TEXT REFERENCES teams (id), name TEXT NOT NULL, role INTEGER NOT NULL, "
           "scopes TEXT NOT NULL, rpm_limit INTEGER, tpm_limit INTEGER, monthly_budget_micro_usd INTEGER, "
           "expires_at_ms INTEGER, revoked_at_ms INTEGER, created_at_ms INTEGER NOT NULL, "
           "updated_at_ms INTEGER NOT NULL, change_seq INTEGER NOT NULL)",
           "CREATE UNIQUE INDEX ux_api_keys_key_hash ON api_keys (key_hash)",
           "CREATE INDEX ix_api_keys_owner ON api_keys (owner_user_id, created_at_ms)",
           "CREATE INDEX ix_api_keys_team ON api_keys (team_id)",
           "CREATE INDEX ix_api_keys_prefix ON api_keys (prefix)",
           "CREATE INDEX ix_api_keys_change_seq ON api_keys (change_seq)",
       }},
      {3,
       "providers and models",
       {
           "CREATE TABLE providers (name TEXT NOT NULL PRIMARY KEY, plugin TEXT NOT NULL, "
           "config_json TEXT NOT NULL, enabled INTEGER NOT NULL, created_at_ms INTEGER NOT NULL, "
           "updated_at_ms INTEGER NOT NULL)",
           "CREATE TABLE provider_credentials (id TEXT NOT NULL PRIMARY KEY, "
           "provider_name TEXT NOT NULL REFERENCES providers (name) ON DELETE CASCADE, "
           "label TEXT NOT NULL, key_id TEXT NOT NULL, nonce BLOB NOT NULL, ciphertext BLOB NOT NULL, "
           "revoked_at_ms INTEGER, created_at_ms INTEGER NOT NULL)",
           "CREATE INDEX ix_provider_credentials_provider ON provider_credentials (provider_name, "
           "created_at_ms)",
           "CREATE INDEX ix_provider_credentials_key_id ON provider_credentials (key_id)",
           "CREATE TABLE models (name TEXT NOT NULL PRIMARY KEY, description TEXT NOT NULL, "
           "enabled INTEGER NOT NULL, created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL)",
           "CREATE TABLE model_routes (id INTEGER PRIMARY KEY AUTOINCREMENT, "
           "model_name TEXT NOT NULL REFERENCES models (name) ON DELETE CASCADE, "
           "priority INTEGER NOT NULL, provider_name TEXT NOT NULL, credential_id TEXT, "
           "upstream_model TEXT NOT NULL, weight INTEGER NOT NULL)",
           "CREATE INDEX ix_model_routes_model ON model_routes (model_name, priority)",
           "CREATE TABLE model_aliases (alias TEXT NOT NULL PRIMARY KEY, "
           "model_name TEXT NOT NULL REFERENCES models (name) ON DELETE CASCADE)",
           "CREATE INDEX ix_model_aliases_model ON model_aliases (model_name)",
           "CREATE TABLE model_prices (provider_name TEXT NOT NULL, model TEXT NOT NULL, "
           "effective_from_ms INTEGER NOT NULL, input_per_mtok INTEGER NOT NULL, "
           "cached_input_per_mtok INTEGER NOT NULL, output_per_mtok INTEGER NOT NULL, "
           "per_image INTEGER NOT NULL, per_audio_minute INTEGER NOT NULL, per_mchar INTEGER NOT NULL, "
           "PRIMARY KEY (provider_name, model, effective_from_ms))",
       }},
      {4,
       "usage",
       {
           // Only a source of never-reused batch ids: rows are deleted in the transaction that
           // made them, and AUTOINCREMENT keeps the high-water mark in sqlite_sequence.
           "CREATE TABLE usage_batches (id INTEGER PRIMARY KEY AUTOINCREMENT, "
           "created_at_ms INTEGER NOT NULL)",
           "CREATE TABLE usage_events (id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL, "
           "batch_id INTEGER NOT NULL, started_at_ms INTEGER NOT NULL, hour_start_ms INTEGER NOT NULL, "
           "user_id TEXT NOT NULL, team_id TEXT NOT NULL, app TEXT NOT NULL, key_id TEXT NOT NULL, "
           "provider TEXT NOT NULL, model TEXT NOT NULL, upstream_model TEXT NOT NULL, "
           "endpoint INTEGER NOT NULL, streamed INTEGER NOT NULL, http_status INTEGER NOT NULL, "
           "duration_ms INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL, "
           "completion_tokens INTEGER NOT NULL, cached_prompt_tokens INTEGER NOT NULL, "
           "reasoning_tokens INTEGER NOT NULL, images INTEGER NOT NULL, audio_ms INTEGER NOT NULL, "
           "characters INTEGER NOT NULL, cost_micro_usd INTEGER NOT NULL)",
           "CREATE UNIQUE INDEX ux_usage_events_request_id ON usage_events (request_id)",
           "CREATE INDEX ix_usage_events_batch ON usage_events (batch_id)",
           "CREATE INDEX ix_usage_events_started ON usage_events (started_at_ms)",
           "CREATE INDEX ix_usage_events_user ON usage_events (user_id, started_at_ms)",
           "CREATE TABLE usage_rollups (hour_start_ms INTEGER NOT NULL, user_id TEXT NOT NULL, "
           "team_id TEXT NOT NULL, app TEXT NOT NULL, model TEXT NOT NULL, key_id TEXT NOT NULL, "
           "requests INTEGER NOT NULL, error_requests INTEGER NOT NULL, "
           "unpriced_requests INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL, "
           "completion_tokens INTEGER NOT NULL, cached_prompt_tokens INTEGER NOT NULL, "
           "reasoning_tokens INTEGER NOT NULL, images INTEGER NOT NULL, audio_ms INTEGER NOT NULL, "
           "characters INTEGER NOT NULL, cost_micro_usd INTEGER NOT NULL, duration_ms INTEGER NOT NULL, "
           "PRIMARY KEY (hour_start_ms, user_id, team_id, app, model, key_id))",
           "CREATE INDEX ix_usage_rollups_user ON usage_rollups (user_id, hour_start_ms)",
           "CREATE INDEX ix_usage_rollups_team ON usage_rollups (team_id, hour_start_ms)",
           "CREATE INDEX ix_usage_rollups_key ON usage_rollups (key_id, hour_start_ms)",
       }},
      {5,
       "usage image size and quality",
       {
           // ABI 1.1 gh_usage.image_width/_height/_quality. Rows written before read as 0, which
           // is what a 1.0 plugin reports. SQLite adds one column per statement; the migration is
           // one transaction, so it never stops half way.
           "ALTER TABLE usage_events ADD COLUMN image_width INTEGER NOT NULL DEFAULT 0",
           "ALTER TABLE usage_events ADD COLUMN image_height INTEGER NOT NULL DEFAULT 0",
           "ALTER TABLE usage_events ADD COLUMN image_quality INTEGER NOT NULL DEFAULT 0",
       }},
      {6,
       "sessions and key switches",
       {
           // Keys written before are enabled. Reversible, unlike revoked_at_ms.
           "ALTER TABLE api_keys ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0",
           // Dashboard sessions and pending sign-ins, by the SHA-256 of their random id, so every
           // node can serve them and a database dump gives nobody a session.
           "CREATE TABLE sessions (id_hash TEXT NOT NULL PRIMARY KEY, "
           "user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE, plugin TEXT NOT NULL, "
           "created_at_ms INTEGER NOT NULL, expires_at_ms INTEGER NOT NULL)",
           "CREATE INDEX ix_sessions_user ON sessions (user_id)",
           "CREATE INDEX ix_sessions_expires ON sessions (expires_at_ms)",
           "CREATE TABLE login_flows (state_hash TEXT NOT NULL PRIMARY KEY, plugin TEXT NOT NULL, "
           "flow TEXT NOT NULL, return_to TEXT NOT NULL, expires_at_ms INTEGER NOT NULL)",
           "CREATE INDEX ix_login_flows_expires ON login_flows (expires_at_ms)",
       }},
  };
  return migrations;
}

} // namespace gatehouse::store
