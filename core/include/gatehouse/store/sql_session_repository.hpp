// SessionRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/session_repository.hpp>
#include <gatehouse/store/sql_database.hpp>

namespace gatehouse::store {

class SqlSessionRepository final : public SessionRepository {
public:
  explicit SqlSessionRepository(SqlDatabase& database) : database_(database) {}

  void create(const Session& session) override;
  std::optional<Session> find(const std::string& idHash) override;
  bool remove(const std::string& idHash) override;
  std::size_t removeForUser(const std::string& userId) override;
  std::size_t removeExpired(std::int64_t nowMs) override;
  void putLoginFlow(const LoginFlow& flow) override;
  std::optional<LoginFlow> takeLoginFlow(const std::string& stateHash, std::int64_t nowMs) override;

private:
  // Runs one DELETE and returns how many rows it removed.
  std::int64_t remove(const std::string& sql, const SqlParams& params);

  SqlDatabase& database_;
};

} // namespace gatehouse::store
