// API keys. Every method throws StoreError on failure (see store_error.hpp).
#pragma once

#include <gatehouse/store/api_key.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::store {

class ApiKeyRepository {
public:
  virtual ~ApiKeyRepository() = default;

  // Conflict when the hash is taken or the owner / team does not exist; Invalid for a scope with
  // whitespace.
  virtual ApiKey insert(const NewApiKey& key) = 0;
  // The lookup on every authenticated request: one unique-index probe.
  virtual std::optional<ApiKey> findByHash(const std::string& keyHash) = 0;
  virtual std::optional<ApiKey> findById(const std::string& id) = 0;
  virtual std::vector<ApiKey> listByOwner(const std::string& ownerUserId) = 0; // newest first
  // False when the key does not exist or was already revoked (the first revocation time stays).
  virtual bool revoke(const std::string& id, std::int64_t atMs) = 0;
  virtual bool updateScopes(const std::string& id, const std::vector<std::string>& scopes) = 0;
  virtual bool updateLimits(const std::string& id, const ApiKeyLimits& limits) = 0;
  // Schema 6. Each returns false when the key does not exist, and like every write takes the
  // next change number.
  virtual bool setDisabled(const std::string& id, bool disabled) = 0;
  virtual bool updateExpiry(const std::string& id, std::optional<std::int64_t> expiresAtMs) = 0;
  virtual bool rename(const std::string& id, const std::string& name) = 0;
  // Gives every key of the user a new change number without changing it, so key caches
  // re-read the owner (e.g. after the user was disabled). Returns how many keys.
  virtual std::size_t touchOwner(const std::string& ownerUserId) = 0;
  // Every key, ordered by id; pass the last id seen as afterId to page (admin listing). `limit` is
  // clamped to 1..1000.
  virtual std::vector<ApiKey> list(const std::string& afterId, int limit) = 0;
  // Keys inserted or changed after `cursor` (0 for all), in change order, at most `limit`.
  // Every write takes the next number from one store-wide counter whose row lock is held until
  // commit, so numbers become visible in order and a cache polling with the returned cursor
  // never skips a change, whichever node made it.
  virtual ApiKeyChanges changedSince(std::int64_t cursor, int limit) = 0;
};

} // namespace gatehouse::store
