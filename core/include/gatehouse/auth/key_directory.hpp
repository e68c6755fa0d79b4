// The in-memory copy of every API key that authenticate() reads, so no request waits on
// the database. It loads all keys at start, then polls the store's change feed
// (ApiKeyRepository::changedSince) every refresh interval: a revocation, expiry or scope
// change made on any node holds on this one within one interval (default 1 s, well under
// the 5 s promise). A change made through this node's admin API is applied at once with
// apply(). Store outages keep the last good copy and retry on the next tick.
#pragma once

#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/store/api_key.hpp>
#include <gatehouse/store/store.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gatehouse::auth {

struct KeyDirectoryOptions {
  std::chrono::milliseconds refreshInterval{1000};
  int pageSize = 1000; // keys per changedSince call
};

class KeyDirectory final : public CredentialDirectory {
public:
  KeyDirectory(store::Store& store, KeyDirectoryOptions options);
  ~KeyDirectory() override; // stops the refresher
  KeyDirectory(const KeyDirectory&) = delete;
  KeyDirectory& operator=(const KeyDirectory&) = delete;

  // Loads every key now (throws StoreError when the store is down), then starts the
  // background refresher.
  void start();
  void stop();

  // CredentialDirectory. NotLoaded until start() succeeded.
  Lookup find(std::string_view secret, CredentialRecord& out) const override;

  // Applies a change this node just wrote (insert, revoke, scope or limit change), so it
  // holds here before the next poll.
  void apply(const store::ApiKey& key);
  // Re-reads one key from the store and applies it (after writes that return no ApiKey).
  void reload(const std::string& keyId);
  // Polls the change feed once now (tests, and the refresher thread). Throws StoreError.
  void refreshOnce();

  std::size_t size() const;
  // Unix ms of the last successful poll; 0 before the first.
  std::int64_t lastRefreshMs() const;

private:
  struct Entry {
    std::string hash; // lowercase hex SHA-256 of the secret, compared in constant time
    std::int64_t changeSeq = 0;
    CredentialRecord record;
  };
  // Entries are bucketed by the first 64 bits of their hash: only those steer the lookup's
  // branches, the full hash is compared in constant time.
  using Entries = std::unordered_multimap<std::uint64_t, Entry>;
  using OwnerStates = std::unordered_map<std::string, bool>; // user id -> disabled (or gone)

  OwnerStates readOwners(const std::vector<store::ApiKey>& keys);
  // Both under the unique lock. A change older than what is held is ignored; an unknown
  // owner state keeps the one held for the key.
  void applyLocked(const store::ApiKey& key, std::optional<bool> ownerDisabled, bool fromFeed);
  Entries::iterator findEntryLocked(const store::ApiKey& key);
  void run();

  store::Store& store_;
  const KeyDirectoryOptions options_;

  mutable std::shared_mutex mutex_; // guards the three members below; never held during I/O
  Entries entries_;
  // Keys removed by apply() ahead of the feed (id -> change number): a slower, older copy
  // of the key must not bring it back. Dropped once the feed has passed the change, so the
  // map stays as small as the number of recent revocations.
  std::unordered_map<std::string, std::int64_t> removed_;
  std::int64_t appliedCursor_ = 0; // the feed's position the entries reflect

  // One poll at a time: two polls interleaving could apply an older page after a newer one.
  // find() never takes it.
  std::mutex pollMutex_;
  std::int64_t cursor_ = 0; // under pollMutex_

  std::atomic<bool> loaded_{false};
  std::atomic<std::int64_t> lastRefreshMs_{0};

  std::mutex threadMutex_;
  std::condition_variable wake_;
  bool stopping_ = false; // under threadMutex_
  std::thread thread_;
};

} // namespace gatehouse::auth
