#include <gatehouse/store/sql_session_repository.hpp>
#include <gatehouse/store/store_error.hpp>
#include <gatehouse/store/utf8_text.hpp>

#include <algorithm>
#include <limits>

namespace gatehouse::store {
namespace {

const std::string kSelectSession =
    "SELECT id_hash, user_id, plugin, created_at_ms, expires_at_ms FROM sessions WHERE id_hash = ?";
const std::string kSelectFlow =
    "SELECT state_hash, plugin, flow, return_to, expires_at_ms FROM login_flows WHERE state_hash = ?";

bool isTokenHash(const std::string& text) {
  return text.size() == kTokenHashLength && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool isUtf8(const std::string& text) {
  return boundedUtf8(text, std::numeric_limits<std::size_t>::max()) == text;
}

// The messages name the field, never its value: hashes and flows are secrets' neighbours.
void requireTokenHash(const std::string& hash, const char* what) {
  if (!isTokenHash(hash))
    throw StoreError(StoreError::Kind::Invalid, std::string(what) + " must be 64 lowercase hex characters");
}

void requireText(const std::string& text, std::size_t maxBytes, bool mayBeEmpty, const char* what) {
  if ((!mayBeEmpty && text.empty()) || text.size() > maxBytes || !isUtf8(text)) {
    throw StoreError(StoreError::Kind::Invalid, std::string(what) + " must be " +
                                                    (mayBeEmpty ? "" : "non-empty ") + "UTF-8 of at most " +
                                                    std::to_string(maxBytes) + " bytes");
  }
}

} // namespace

void SqlSessionRepository::create(const Session& session) {
  requireTokenHash(session.idHash, "a session's id hash");
  requireText(session.plugin, kMaxPluginNameBytes, false, "a session's plugin name");
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    connection.execute("INSERT INTO sessions (id_hash, user_id, plugin, created_at_ms, expires_at_ms) VALUES "
                       "(?, ?, ?, ?, ?)",
                       {session.idHash, session.userId, session.plugin, sqlInt(session.createdAtMs),
                        sqlInt(session.expiresAtMs)});
  });
}

std::optional<Session> SqlSessionRepository::find(const std::string& idHash) {
  if (!isTokenHash(idHash))
    return std::nullopt; // nothing else is ever stored; spare the round trip
  std::optional<Session> session;
  database_.read([&](SqlConnection& connection) {
    const auto rows = connection.query(kSelectSession, {idHash});
    session.reset();
    if (!rows.empty()) {
      const SqlRow& row = rows.front();
      session = Session{row.text(0), row.text(1), row.text(2), row.int64(3), row.int64(4)};
    }
  });
  return session;
}

std::int64_t SqlSessionRepository::remove(const std::string& sql, const SqlParams& params) {
  std::int64_t removed = 0;
  database_.write(WriteRetry::Always,
                  [&](SqlConnection& connection) { removed = connection.execute(sql, params); });
  return removed;
}

bool SqlSessionRepository::remove(const std::string& idHash) {
  if (!isTokenHash(idHash))
    return false;
  return remove("DELETE FROM sessions WHERE id_hash = ?", {idHash}) > 0;
}

std::size_t SqlSessionRepository::removeForUser(const std::string& userId) {
  return static_cast<std::size_t>(remove("DELETE FROM sessions WHERE user_id = ?", {userId}));
}

std::size_t SqlSessionRepository::removeExpired(std::int64_t nowMs) {
  std::int64_t removed = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    removed = connection.execute("DELETE FROM sessions WHERE expires_at_ms <= ?", {sqlInt(nowMs)});
    removed += connection.execute("DELETE FROM login_flows WHERE expires_at_ms <= ?", {sqlInt(nowMs)});
  });
  return static_cast<std::size_t>(removed);
}

void SqlSessionRepository::putLoginFlow(const LoginFlow& flow) {
  requireTokenHash(flow.stateHash, "a sign-in's state hash");
  requireText(flow.plugin, kMaxPluginNameBytes, false, "a sign-in's plugin name");
  requireText(flow.flow, kMaxLoginFlowBytes, true, "a sign-in's flow data");
  requireText(flow.returnTo, kMaxReturnToBytes, true, "a sign-in's return path");
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    connection.execute(
        "INSERT INTO login_flows (state_hash, plugin, flow, return_to, expires_at_ms) VALUES (?, ?, ?, ?, ?)",
        {flow.stateHash, flow.plugin, flow.flow, flow.returnTo, sqlInt(flow.expiresAtMs)});
  });
}

std::optional<LoginFlow> SqlSessionRepository::takeLoginFlow(const std::string& stateHash,
                                                             std::int64_t nowMs) {
  if (!isTokenHash(stateHash))
    return std::nullopt;
  std::optional<LoginFlow> taken;
  // Retrying after a COMMIT whose fate is unknown is safe: if the first attempt took the row,
  // the second finds nothing and the sign-in fails closed.
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    taken.reset();
    const auto rows = connection.query(kSelectFlow, {stateHash});
    if (rows.empty())
      return;
    // Whoever deletes the row owns the flow. A racing node read it too (a plain read does not
    // lock), but its DELETE waits on our row lock and then matches nothing.
    if (connection.execute("DELETE FROM login_flows WHERE state_hash = ?", {stateHash}) != 1)
      return;
    const SqlRow& row = rows.front();
    LoginFlow flow{row.text(0), row.text(1), row.text(2), row.text(3), row.int64(4)};
    if (nowMs < flow.expiresAtMs)
      taken = std::move(flow);
  });
  return taken;
}

} // namespace gatehouse::store
