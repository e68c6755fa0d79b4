// Keeps the requests the mock received so a test can assert what the gateway sent upstream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "http_request.hpp"

namespace gatehouse::mock {

// A bounded ring, oldest dropped first. Recording shares the request the handler reads
// (no copy unless the body must be truncated) and holds the lock only to link it in, so it
// can stay on in load tests; `--no-record` turns it off entirely.
class Recorder {
public:
  static constexpr std::size_t kMaxRecordedBody = 1024 * 1024;
  // Beyond this many body bytes in the ring, the oldest entries go even below `capacity`.
  static constexpr std::size_t kMaxRecordedBytes = 64 * 1024 * 1024;

  explicit Recorder(std::size_t capacity);

  void record(const std::shared_ptr<const HttpRequest>& request, bool tls);
  void clear();
  // {"requests":[...],"dropped":n}, oldest first.
  std::string toJson() const;

private:
  struct Entry {
    std::uint64_t sequence = 0;
    bool tls = false;
    std::size_t bodySize = 0; // as received; the kept body may be shorter
    std::shared_ptr<const HttpRequest> request;
  };

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<Entry> entries_;
  std::size_t bytes_ = 0;
  std::uint64_t nextSequence_ = 1;
  std::uint64_t dropped_ = 0;
};

} // namespace gatehouse::mock
