#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/common/background_thread.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include <algorithm>
#include <exception>

#include "sha256.hpp"

namespace gatehouse::auth {
namespace {

constexpr const char* kComponent = "auth.keys";
// While the store is down the refresher fails every interval; one line per this period is
// enough to tell an operator, and keeps the log readable.
constexpr std::int64_t kFailureLogPeriodMs = 60'000;

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

bool isSha256Hex(std::string_view text) {
  return text.size() == kSha256HexLength &&
         std::all_of(text.begin(), text.end(), [](char c) { return hexValue(c) >= 0; });
}

// The first 64 bits of a lowercase hex hash.
std::uint64_t bucketOf(std::string_view hexHash) {
  std::uint64_t bucket = 0;
  for (std::size_t i = 0; i < 16; ++i)
    bucket = (bucket << 4) | static_cast<std::uint64_t>(hexValue(hexHash[i]) & 0x0f);
  return bucket;
}

std::string joinScopes(const std::vector<std::string>& scopes) {
  std::string joined;
  for (const std::string& scope : scopes) {
    if (!joined.empty())
      joined += ' ';
    joined += scope;
  }
  return joined;
}

void fillRecord(const store::ApiKey& key, bool ownerDisabled, CredentialRecord& record) {
  record.keyId = key.id;
  record.owner = key.ownerUserId;
  record.team = key.teamId;
  record.name = key.name;
  record.scopes = joinScopes(key.scopes);
  record.role = key.role == store::Role::Admin ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  record.expiresAtMs = key.expiresAtMs.value_or(0);
  record.revokedAtMs = key.revokedAtMs.value_or(0);
  record.requestsPerMinute = key.limits.requestsPerMinute.value_or(0);
  record.tokensPerMinute = key.limits.tokensPerMinute.value_or(0);
  record.monthlyBudgetMicroUsd = key.limits.monthlyBudgetMicroUsd.value_or(0);
  record.disabled = key.disabled;
  record.ownerDisabled = ownerDisabled;
}

} // namespace

KeyDirectory::KeyDirectory(store::Store& store, KeyDirectoryOptions options)
    : store_(store), options_(options) {
  if (options_.refreshInterval.count() <= 0 || options_.pageSize <= 0)
    throw std::invalid_argument("the key directory needs a positive refresh interval and page size");
}

KeyDirectory::~KeyDirectory() {
  stop();
}

void KeyDirectory::start() {
  if (!loaded_.load(std::memory_order_acquire)) {
    refreshOnce(); // from cursor 0: every key, page by page
    loaded_.store(true, std::memory_order_release);
    log::info(kComponent, "loaded " + std::to_string(size()) + " API keys");
  }
  std::lock_guard<std::mutex> lock(threadMutex_);
  if (!thread_.joinable()) {
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
  }
}

void KeyDirectory::stop() {
  {
    std::lock_guard<std::mutex> lock(threadMutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable())
    thread_.join();
}

CredentialDirectory::Lookup KeyDirectory::find(std::string_view secret, CredentialRecord& out) const {
  if (!loaded_.load(std::memory_order_acquire))
    return Lookup::NotLoaded;
  // Every stored hash is of a key in this shape; anything else cannot match, so it is not
  // worth hashing (a client may send megabytes in a header).
  if (!looksLikeApiKey(secret))
    return Lookup::NotFound;
  const Sha256Hex digest = sha256Hex(secret);
  const std::string_view hash(digest.data(), digest.size());
  std::shared_lock<std::shared_mutex> lock(mutex_);
  const auto [first, last] = entries_.equal_range(bucketOf(hash));
  for (auto it = first; it != last; ++it) {
    if (constantTimeEquals(it->second.hash, hash)) {
      out = it->second.record;
      return Lookup::Found;
    }
  }
  return Lookup::NotFound;
}

void KeyDirectory::apply(const store::ApiKey& key) {
  std::optional<bool> ownerDisabled;
  try {
    if (!key.revokedAtMs) {
      const auto owner = store_.users().findById(key.ownerUserId);
      ownerDisabled = !owner || owner->disabled;
    }
  } catch (const store::StoreError& error) {
    // The key's change number is ahead of the feed, so the next poll reads the owner again.
    log::warn(kComponent, std::string("cannot read the owner of key ") + key.id + ": " + error.what());
  }
  std::unique_lock<std::shared_mutex> lock(mutex_);
  applyLocked(key, ownerDisabled, false);
}

void KeyDirectory::reload(const std::string& keyId) {
  const auto key = store_.apiKeys().findById(keyId);
  if (key)
    apply(*key);
}

KeyDirectory::OwnerStates KeyDirectory::readOwners(const std::vector<store::ApiKey>& keys) {
  OwnerStates owners;
  for (const store::ApiKey& key : keys) {
    // A revoked key is dropped whoever owns it.
    if (key.revokedAtMs || owners.count(key.ownerUserId) != 0)
      continue;
    const auto owner = store_.users().findById(key.ownerUserId);
    owners.emplace(key.ownerUserId, !owner || owner->disabled); // a vanished owner counts as disabled
  }
  return owners;
}

void KeyDirectory::refreshOnce() {
  std::lock_guard<std::mutex> poll(pollMutex_);
  for (;;) {
    const store::ApiKeyChanges changes = store_.apiKeys().changedSince(cursor_, options_.pageSize);
    const OwnerStates owners = readOwners(changes.keys);
    {
      std::unique_lock<std::shared_mutex> lock(mutex_);
      for (const store::ApiKey& key : changes.keys) {
        const auto owner = owners.find(key.ownerUserId);
        applyLocked(key, owner == owners.end() ? std::nullopt : std::optional<bool>(owner->second), true);
      }
      appliedCursor_ = std::max(appliedCursor_, changes.cursor);
      // apply() ignores anything the feed has passed, so these cannot be brought back now.
      std::erase_if(removed_, [&](const auto& removed) { return removed.second <= appliedCursor_; });
    }
    cursor_ = changes.cursor;
    if (changes.keys.size() < static_cast<std::size_t>(options_.pageSize))
      break;
  }
  lastRefreshMs_.store(store::currentTimeMs(), std::memory_order_release);
}

KeyDirectory::Entries::iterator KeyDirectory::findEntryLocked(const store::ApiKey& key) {
  const auto [first, last] = entries_.equal_range(bucketOf(key.keyHash));
  for (auto it = first; it != last; ++it) {
    if (it->second.record.keyId == key.id)
      return it;
  }
  return entries_.end();
}

void KeyDirectory::applyLocked(const store::ApiKey& key, std::optional<bool> ownerDisabled, bool fromFeed) {
  if (!isSha256Hex(key.keyHash)) {
    log::warn(kComponent, "ignoring key " + key.id + ": its stored hash is not hex SHA-256");
    return;
  }
  if (!fromFeed && key.changeSeq <= appliedCursor_)
    return; // the feed already delivered this change or a newer one
  if (const auto removed = removed_.find(key.id);
      removed != removed_.end() && removed->second >= key.changeSeq)
    return;
  const auto existing = findEntryLocked(key);
  if (existing != entries_.end() && existing->second.changeSeq > key.changeSeq)
    return;
  if (key.revokedAtMs) {
    // Revocation is final: the key goes, and memory holds live keys only.
    if (existing != entries_.end())
      entries_.erase(existing);
    if (!fromFeed)
      removed_[key.id] = key.changeSeq;
    return;
  }
  const bool disabledOwner =
      ownerDisabled.value_or(existing != entries_.end() && existing->second.record.ownerDisabled);
  if (existing != entries_.end()) {
    existing->second.changeSeq = key.changeSeq;
    fillRecord(key, disabledOwner, existing->second.record);
    return;
  }
  Entry entry;
  entry.hash = key.keyHash;
  entry.changeSeq = key.changeSeq;
  fillRecord(key, disabledOwner, entry.record);
  entries_.emplace(bucketOf(key.keyHash), std::move(entry));
}

void KeyDirectory::run() {
  // Normal niceness on purpose: a revocation must reach this node within the refresh interval
  // even while request threads keep the CPU busy.
  nameCurrentThread("gh-key-refresh");
  std::int64_t failures = 0;
  std::int64_t lastLoggedMs = 0;
  std::unique_lock<std::mutex> lock(threadMutex_);
  for (;;) {
    wake_.wait_for(lock, options_.refreshInterval, [&] { return stopping_; });
    if (stopping_)
      return;
    lock.unlock();
    try {
      refreshOnce();
      if (failures > 0)
        log::info(kComponent, "API key changes are read again after " + std::to_string(failures) +
                                  " failed polls; keys changed meanwhile are up to date now");
      failures = 0;
    } catch (const std::exception& error) {
      // The last good copy keeps serving; the next tick retries from the same cursor. Store
      // errors name tables, never values, so the message carries no key or hash.
      ++failures;
      const std::int64_t now = store::currentTimeMs();
      if (failures == 1 || now - lastLoggedMs >= kFailureLogPeriodMs) {
        log::error(kComponent, "cannot read API key changes (" + std::to_string(failures) +
                                   " failed polls; serving the last good copy): " + error.what());
        lastLoggedMs = now;
      }
    }
    lock.lock();
  }
}

std::size_t KeyDirectory::size() const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  return entries_.size();
}

std::int64_t KeyDirectory::lastRefreshMs() const {
  return lastRefreshMs_.load(std::memory_order_acquire);
}

} // namespace gatehouse::auth
