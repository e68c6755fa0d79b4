// Sessions and pending sign-ins. Every method throws StoreError on failure.
#pragma once

#include <gatehouse/store/session.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace gatehouse::store {

class SessionRepository {
public:
  virtual ~SessionRepository() = default;

  // Conflict when the hash is taken or the user does not exist; Invalid when a field breaks the
  // limits in session.hpp. Deleting a user deletes their sessions (foreign key, ON DELETE CASCADE).
  virtual void create(const Session& session) = 0;
  // The session, whether or not it has expired (the caller compares expiresAtMs).
  virtual std::optional<Session> find(const std::string& idHash) = 0;
  // False when there was no such session.
  virtual bool remove(const std::string& idHash) = 0;
  // Ends every session of a user (e.g. when an administrator disables them); returns how many.
  virtual std::size_t removeForUser(const std::string& userId) = 0;
  // Deletes sessions and sign-ins that have expired at `nowMs` (expiresAtMs <= nowMs, as
  // ApiKey::usableAt counts it); returns how many rows went.
  virtual std::size_t removeExpired(std::int64_t nowMs) = 0;

  // Conflict when the state hash is taken. Invalid when a field breaks the limits in session.hpp
  // (e.g. flow over 4096 bytes).
  virtual void putLoginFlow(const LoginFlow& flow) = 0;
  // Deletes and returns the sign-in with this state hash, so a state can be used only once,
  // even when two nodes race for it. nullopt when absent or expired at `nowMs` (an expired one is
  // deleted all the same).
  virtual std::optional<LoginFlow> takeLoginFlow(const std::string& stateHash, std::int64_t nowMs) = 0;
};

} // namespace gatehouse::store
