#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/sql_user_repository.hpp>
#include <gatehouse/store/store_clock.hpp>

#include <algorithm>

namespace gatehouse::store {
namespace {

const std::string kSelect =
    "SELECT id, external_subject, email, display_name, role, disabled, created_at_ms, "
    "updated_at_ms FROM users ";

User toUser(const SqlRow& row) {
  User user;
  user.id = row.text(0);
  user.externalSubject = row.text(1);
  user.email = row.text(2);
  user.displayName = row.text(3);
  user.role = static_cast<Role>(row.int64(4));
  user.disabled = row.int64(5) != 0;
  user.createdAtMs = row.int64(6);
  user.updatedAtMs = row.int64(7);
  return user;
}

} // namespace

User SqlUserRepository::create(const NewUser& newUser) {
  User user;
  user.id = newId();
  user.externalSubject = newUser.externalSubject;
  user.email = newUser.email;
  user.displayName = newUser.displayName;
  user.role = newUser.role;
  user.createdAtMs = user.updatedAtMs = currentTimeMs();
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    connection.execute("INSERT INTO users (id, external_subject, email, display_name, role, disabled, "
                       "created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       {user.id, sqlNullIfEmpty(user.externalSubject), user.email, user.displayName,
                        sqlInt(static_cast<int>(user.role)), sqlBool(false), sqlInt(user.createdAtMs),
                        sqlInt(user.updatedAtMs)});
  });
  return user;
}

std::optional<User> SqlUserRepository::findOne(const std::string& sql, const std::string& value) {
  std::optional<User> user;
  database_.read([&](SqlConnection& connection) {
    const auto rows = connection.query(sql, {value});
    user = rows.empty() ? std::nullopt : std::optional<User>(toUser(rows.front()));
  });
  return user;
}

std::optional<User> SqlUserRepository::findById(const std::string& id) {
  return findOne(kSelect + "WHERE id = ?", id);
}

std::optional<User> SqlUserRepository::findBySubject(const std::string& externalSubject) {
  if (externalSubject.empty())
    return std::nullopt; // local users have none; "" matches nobody
  return findOne(kSelect + "WHERE external_subject = ?", externalSubject);
}

std::vector<User> SqlUserRepository::list(const std::string& afterId, int limit) {
  std::vector<User> users;
  database_.read([&](SqlConnection& connection) {
    const auto rows = connection.query(kSelect + "WHERE id > ? ORDER BY id LIMIT ?",
                                       {afterId, sqlInt(std::clamp(limit, 1, 1000))});
    users.clear();
    for (const SqlRow& row : rows)
      users.push_back(toUser(row));
  });
  return users;
}

bool SqlUserRepository::update(const User& user) {
  std::int64_t matched = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    matched = connection.execute("UPDATE users SET email = ?, display_name = ?, role = ?, disabled = ?, "
                                 "updated_at_ms = ? WHERE id = ?",
                                 {user.email, user.displayName, sqlInt(static_cast<int>(user.role)),
                                  sqlBool(user.disabled), sqlInt(currentTimeMs()), user.id});
  });
  return matched > 0;
}

} // namespace gatehouse::store
