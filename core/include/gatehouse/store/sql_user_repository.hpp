// UserRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/sql_database.hpp>
#include <gatehouse/store/user_repository.hpp>

namespace gatehouse::store {

class SqlUserRepository final : public UserRepository {
public:
  explicit SqlUserRepository(SqlDatabase& database) : database_(database) {}

  User create(const NewUser& user) override;
  std::optional<User> findById(const std::string& id) override;
  std::optional<User> findBySubject(const std::string& externalSubject) override;
  std::vector<User> list(const std::string& afterId, int limit) override;
  bool update(const User& user) override;

private:
  std::optional<User> findOne(const std::string& sql, const std::string& value);

  SqlDatabase& database_;
};

} // namespace gatehouse::store
