// The usage writer's local, append-only safety net. Private to core/src/usage.
//
// Events are appended as JSON lines to the active file. To replay, the writer first seals the
// active file (renames it to a numbered segment), so appends never race a replay, then reads a
// segment, sends it to the store and deletes it only after the store confirmed it. A crash at
// any point leaves the segment in place, and the next start replays it again: the store's
// idempotency on request id makes that harmless.
//
// Non-durable appends come from request threads (the writer's queue was full), so they never
// wait for the disk: not when they open a new active file, not when they seal a full one.
// What they leave unsynced (the data, a sealed segment, the folder's new names) is synced by
// the next sync(), which the writer thread calls. No disk sync ever happens under the lock
// appends take: the writer runs at low priority, and a request thread must not wait for it
// to be scheduled again after its fdatasync.
#pragma once

#include <gatehouse/usage/usage_event.hpp>

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::usage {

class UsageSpool {
public:
  struct Segment {
    std::vector<UsageEvent> events;
    std::size_t unreadableLines = 0; // e.g. the last line of a write cut short by a crash
  };

  // The active file is sealed once it holds this much, so a replay never reads more than
  // about one segment's worth into memory however long the store was down.
  static constexpr std::size_t kDefaultMaxSegmentBytes = std::size_t{8} * 1024 * 1024;

  // Creates the folder when missing. Sealed segments left by an earlier run are kept.
  explicit UsageSpool(std::filesystem::path activePath,
                      std::size_t maxSegmentBytes = kDefaultMaxSegmentBytes);
  ~UsageSpool();
  UsageSpool(const UsageSpool&) = delete;
  UsageSpool& operator=(const UsageSpool&) = delete;

  // Thread-safe. With `durable`, returns only after the data reached the disk (fdatasync);
  // without, it makes one write(2) and never waits for the disk.
  // Throws std::system_error when the file cannot be written.
  void append(std::span<const UsageEvent> events, bool durable);
  // The same for lines already in the spool's format (JSON lines, each ending in '\n').
  void appendLines(std::string_view lines, bool durable);
  // Makes earlier non-durable appends durable, including segments they sealed.
  void sync();
  // Moves the active file (when not empty) to the next sealed segment.
  void seal();
  // Sealed segments, oldest first.
  std::vector<std::filesystem::path> segments() const;
  bool hasPending() const;
  // Deletes a replayed segment (and makes the deletion durable).
  void remove(const std::filesystem::path& segment);
  // Events the store refused as invalid go here, kept for a person to look at, never retried.
  void reject(const UsageEvent& event);

  static Segment read(const std::filesystem::path& segment);
  const std::filesystem::path& activePath() const { return activePath_; }

private:
  void openActive(); // mutex_ held
  void sealLocked(); // mutex_ held; leaves the syncing to sync()
  void syncDirectory() const;
  void writeAll(int fd, std::string_view data) const;

  std::filesystem::path activePath_;
  mutable std::mutex mutex_; // the active file and the bookkeeping below; never held across a disk sync
  std::mutex syncMutex_;     // one sync() at a time
  int fd_ = -1;
  bool activeHasData_ = false;
  // Left for sync(): segments sealed since, and whether the folder's entries changed.
  std::vector<std::filesystem::path> unsyncedSegments_;
  bool folderUnsynced_ = false;
  std::size_t activeBytes_ = 0;
  std::size_t maxSegmentBytes_;
  unsigned long long nextSegment_ = 1;
};

} // namespace gatehouse::usage
