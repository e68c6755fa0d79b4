// The schema for MySQL / MariaDB. Keep in step with sqlite_migrations.cpp: same versions, names,
// tables, columns and index names (schema_sync_test compares the two). Never edit a released
// migration; add the next number.
//
// MySQL commits each schema change on its own, so a migration cut short cannot be rolled back.
// Every statement is therefore safe to run again (IF NOT EXISTS, INSERT IGNORE, indexes declared
// inside CREATE TABLE, or a probe that skips a change already made: see MigrationStatement), and
// re-running the migration finishes the job.
//
// Text is utf8mb4 with binary collation everywhere: emoji survive, and comparisons and unique
// keys behave exactly as in SQLite (utf8mb4_general_ci would call 'A' and 'a' the same key).
// Column lengths are in characters; the usage repository trims values to fit.
#include <gatehouse/store/migration.hpp>

#define GH_MYSQL_TABLE_OPTIONS " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"

namespace gatehouse::store {

const std::vector<Migration>& mysqlMigrations() {
  static const std::vector<Migration> migrations = {
      {1,
       "identity and audit",
       {
           "CREATE TABLE IF NOT EXISTS store_counters (name VARCHAR(64) NOT NULL, value BIGINT NOT NULL, "
           "PRIMARY KEY (name))" GH_MYSQL_TABLE_OPTIONS,
           "INSERT IGNORE INTO store_counters (name, value) VALUES ('api_key_changes', 0)",
           "CREATE TABLE IF NOT EXISTS audit_log (id BIGINT NOT NULL AUTO_INCREMENT, "
           "at_ms BIGINT NOT NULL, actor VARCHAR(255) NOT NULL, action VARCHAR(128) NOT NULL, "
           "target_type VARCHAR(64) NOT NULL, target_id VARCHAR(255) NOT NULL, detail_json TEXT NOT NULL, "
           "PRIMARY KEY (id), KEY ix_audit_log_actor (actor, id), KEY ix_audit_log_action (action, "
           "id))" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS users (id VARCHAR(64) NOT NULL, external_subject VARCHAR(255) NULL, "
           "email VARCHAR(255) NOT NULL, display_name VARCHAR(255) NOT NULL, role INT NOT NULL, "
           "disabled TINYINT NOT NULL, created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, "
           "PRIMARY KEY (id), UNIQUE KEY ux_users_external_subject (external_subject), "
           "KEY ix_users_email (email))" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS teams (id VARCHAR(64) NOT NULL, name VARCHAR(255) NOT NULL, "
           "monthly_budget_micro_usd BIGINT NULL, created_at_ms BIGINT NOT NULL, PRIMARY KEY (id), "
           "UNIQUE KEY ux_teams_name (name))" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS team_members (team_id VARCHAR(64) NOT NULL, "
           "user_id VARCHAR(64) NOT NULL, role INT NOT NULL, added_at_ms BIGINT NOT NULL, "
           "PRIMARY KEY (team_id, user_id), KEY ix_team_members_user (user_id), "
           "CONSTRAINT fk_team_members_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE, "
           "CONSTRAINT fk_team_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE "
           "CASCADE)" GH_MYSQL_TABLE_OPTIONS,
       }},
      {2,
       "api keys",
       {
           "CREATE TABLE IF NOT EXISTS api_keys (id VARCHAR(64) NOT NULL, key_hash VARCHAR(255) NOT NULL, "
           "prefix VARCHAR(64) NOT NULL, owner_user_id VARCHAR(64) NOT NULL, team_id VARCHAR(64) NULL, "
           "name VARCHAR(255) NOT NULL, role INT NOT NULL, scopes TEXT NOT NULL, rpm_limit BIGINT NULL, "
           "tpm_limit BIGINT NULL, monthly_budget_micro_usd BIGINT NULL, expires_at_ms BIGINT NULL, "
           "revoked_at_ms BIGINT NULL, created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, "
           "change_seq BIGINT NOT NULL, PRIMARY KEY (id), UNIQUE KEY ux_api_keys_key_hash (key_hash), "
           "KEY ix_api_keys_owner (owner_user_id, created_at_ms), KEY ix_api_keys_team (team_id), "
           "KEY ix_api_keys_prefix (prefix), KEY ix_api_keys_change_seq (change_seq), "
           "CONSTRAINT fk_api_keys_owner FOREIGN KEY (owner_user_id) REFERENCES users (id), "
           "CONSTRAINT fk_api_keys_team FOREIGN KEY (team_id) REFERENCES teams (id))" GH_MYSQL_TABLE_OPTIONS,
       }},
      {3,
       "providers and models",
       {
           "CREATE TABLE IF NOT EXISTS providers (name VARCHAR(128) NOT NULL, "
           "plugin VARCHAR(128) NOT NULL, config_json MEDIUMTEXT NOT NULL, enabled TINYINT NOT NULL, "
           "created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, PRIMARY KEY "
           "(name))" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS provider_credentials (id VARCHAR(64) NOT NULL, "
           "provider_name VARCHAR(128) NOT NULL, label VARCHAR(255) NOT NULL, "
           "key_id VARCHAR(128) NOT NULL, nonce VARBINARY(64) NOT NULL, ciphertext BLOB NOT NULL, "
           "revoked_at_ms BIGINT NULL, created_at_ms BIGINT NOT NULL, PRIMARY KEY (id), "
           "KEY ix_provider_credentials_provider (provider_name, created_at_ms), "
           "KEY ix_provider_credentials_key_id (key_id), "
           "CONSTRAINT fk_provider_credentials_provider FOREIGN KEY (provider_name) REFERENCES providers "
           "(name) ON DELETE CASCADE)" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS models (name VARCHAR(128) NOT NULL, description TEXT NOT NULL, "
           "enabled TINYINT NOT NULL, created_at_ms BIGINT NOT NULL, updated_at_ms BIGINT NOT NULL, "
           "PRIMARY KEY (name))" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS model_routes (id BIGINT NOT NULL AUTO_INCREMENT, "
           "model_name VARCHAR(128) NOT NULL, priority INT NOT NULL, provider_name VARCHAR(128) NOT NULL, "
           "credential_id VARCHAR(64) NULL, upstream_model VARCHAR(255) NOT NULL, weight INT NOT NULL, "
           "PRIMARY KEY (id), KEY ix_model_routes_model (model_name, priority), "
           "CONSTRAINT fk_model_routes_model FOREIGN KEY (model_name) REFERENCES models (name) ON DELETE "
           "CASCADE)" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS model_aliases (alias VARCHAR(128) NOT NULL, "
           "model_name VARCHAR(128) NOT NULL, PRIMARY KEY (alias), "
           "KEY ix_model_aliases_model (model_name), "
           "CONSTRAINT fk_model_aliases_model FOREIGN KEY (model_name) REFERENCES models (name) ON DELETE "
           "CASCADE)" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS model_prices (provider_name VARCHAR(128) NOT NULL, "
           "model VARCHAR(255) NOT NULL, effective_from_ms BIGINT NOT NULL, "
           "input_per_mtok BIGINT NOT NULL, cached_input_per_mtok BIGINT NOT NULL, "
           "output_per_mtok BIGINT NOT NULL, per_image BIGINT NOT NULL, per_audio_minute BIGINT NOT NULL, "
           "per_mchar BIGINT NOT NULL, PRIMARY KEY (provider_name, model, "
           "effective_from_ms))" GH_MYSQL_TABLE_OPTIONS,
       }},
      {4,
       "usage",
       {
           // Only a source of never-reused batch ids: rows are deleted in the transaction that
           // made them; InnoDB keeps the AUTO_INCREMENT high-water mark across restarts.
           "CREATE TABLE IF NOT EXISTS usage_batches (id BIGINT NOT NULL AUTO_INCREMENT, "
           "created_at_ms BIGINT NOT NULL, PRIMARY KEY (id))" GH_MYSQL_TABLE_OPTIONS,
           // A sequential clustered key keeps inserts appending; request ids are random.
           "CREATE TABLE IF NOT EXISTS usage_events (id BIGINT NOT NULL AUTO_INCREMENT, "
           "request_id VARCHAR(128) NOT NULL, batch_id BIGINT NOT NULL, started_at_ms BIGINT NOT NULL, "
           "hour_start_ms BIGINT NOT NULL, user_id VARCHAR(128) NOT NULL, team_id VARCHAR(64) NOT NULL, "
           "app VARCHAR(64) NOT NULL, key_id VARCHAR(64) NOT NULL, provider VARCHAR(128) NOT NULL, "
           "model VARCHAR(128) NOT NULL, upstream_model VARCHAR(255) NOT NULL, endpoint INT NOT NULL, "
           "streamed TINYINT NOT NULL, http_status INT NOT NULL, duration_ms BIGINT NOT NULL, "
           "prompt_tokens BIGINT NOT NULL, completion_tokens BIGINT NOT NULL, "
           "cached_prompt_tokens BIGINT NOT NULL, reasoning_tokens BIGINT NOT NULL, "
           "images BIGINT NOT NULL, audio_ms BIGINT NOT NULL, characters BIGINT NOT NULL, "
           "cost_micro_usd BIGINT NOT NULL, PRIMARY KEY (id), "
           "UNIQUE KEY ux_usage_events_request_id (request_id), KEY ix_usage_events_batch (batch_id), "
           "KEY ix_usage_events_started (started_at_ms), KEY ix_usage_events_user (user_id, "
           "started_at_ms))" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS usage_rollups (hour_start_ms BIGINT NOT NULL, "
           "user_id VARCHAR(128) NOT NULL, team_id VARCHAR(64) NOT NULL, app VARCHAR(64) NOT NULL, "
           "model VARCHAR(128) NOT NULL, key_id VARCHAR(64) NOT NULL, requests BIGINT NOT NULL, "
           "error_requests BIGINT NOT NULL, unpriced_requests BIGINT NOT NULL, "
           "prompt_tokens BIGINT NOT NULL, completion_tokens BIGINT NOT NULL, "
           "cached_prompt_tokens BIGINT NOT NULL, reasoning_tokens BIGINT NOT NULL, "
           "images BIGINT NOT NULL, audio_ms BIGINT NOT NULL, characters BIGINT NOT NULL, "
           "cost_micro_usd BIGINT NOT NULL, duration_ms BIGINT NOT NULL, PRIMARY KEY (hour_start_ms, "
           "user_id, team_id, app, model, key_id), KEY ix_usage_rollups_user (user_id, hour_start_ms), "
           "KEY ix_usage_rollups_team (team_id, hour_start_ms), KEY ix_usage_rollups_key (key_id, "
           "hour_start_ms))" GH_MYSQL_TABLE_OPTIONS,
       }},
      {5,
       "usage image size and quality",
       {
           // ABI 1.1 gh_usage.image_width/_height/_quality; rows written before read as 0. One
           // statement for all three columns, so it is atomic, and the columns are appended, which
           // MySQL 8.0 and MariaDB 10.3+ do in place without copying the table. MySQL has no
           // ADD COLUMN IF NOT EXISTS, hence the probe for a re-run after a cut-short migration.
           MigrationStatement{
               "ALTER TABLE usage_events ADD COLUMN image_width INT NOT NULL DEFAULT 0, "
               "ADD COLUMN image_height INT NOT NULL DEFAULT 0, "
               "ADD COLUMN image_quality INT NOT NULL DEFAULT 0",
               "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
               "AND table_name = 'usage_events' AND column_name = 'image_width'"},
       }},
      {6,
       "sessions and key switches",
       {
           // Keys written before are enabled. Reversible, unlike revoked_at_ms. Probed like
           // migration 5's columns, for a re-run.
           MigrationStatement{
               "ALTER TABLE api_keys ADD COLUMN disabled TINYINT NOT NULL DEFAULT 0",
               "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
               "AND table_name = 'api_keys' AND column_name = 'disabled'"},
           // Dashboard sessions and pending sign-ins, by the SHA-256 of their random id, so every
           // node can serve them and a database dump gives nobody a session. Fixed-length hex
           // keys; the repository checks hashes, plugin names, flows and return paths against
           // these sizes before writing, so SQLite refuses the same values.
           "CREATE TABLE IF NOT EXISTS sessions (id_hash CHAR(64) NOT NULL, user_id VARCHAR(64) NOT NULL, "
           "plugin VARCHAR(128) NOT NULL, created_at_ms BIGINT NOT NULL, expires_at_ms BIGINT NOT NULL, "
           "PRIMARY KEY (id_hash), KEY ix_sessions_user (user_id), "
           "KEY ix_sessions_expires (expires_at_ms), "
           "CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE "
           "CASCADE)" GH_MYSQL_TABLE_OPTIONS,
           "CREATE TABLE IF NOT EXISTS login_flows (state_hash CHAR(64) NOT NULL, "
           "plugin VARCHAR(128) NOT NULL, flow TEXT NOT NULL, return_to VARCHAR(2048) NOT NULL, "
           "expires_at_ms BIGINT NOT NULL, PRIMARY KEY (state_hash), "
           "KEY ix_login_flows_expires (expires_at_ms))" GH_MYSQL_TABLE_OPTIONS,
       }},
  };
  return migrations;
}

} // namespace gatehouse::store

#undef GH_MYSQL_TABLE_OPTIONS
