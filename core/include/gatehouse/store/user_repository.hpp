// Users. Every method throws StoreError on failure (see store_error.hpp).
#pragma once

#include <gatehouse/store/user.hpp>

#include <optional>
#include <string>
#include <vector>

namespace gatehouse::store {

class UserRepository {
public:
  virtual ~UserRepository() = default;

  // Conflict when externalSubject is already taken.
  virtual User create(const NewUser& user) = 0;
  virtual std::optional<User> findById(const std::string& id) = 0;
  virtual std::optional<User> findBySubject(const std::string& externalSubject) = 0;
  // Ordered by id; pass the last id seen as afterId to page.
  virtual std::vector<User> list(const std::string& afterId, int limit) = 0;
  // Writes email, displayName, role and disabled of the user with user.id; false when absent.
  virtual bool update(const User& user) = 0;
};

} // namespace gatehouse::store
