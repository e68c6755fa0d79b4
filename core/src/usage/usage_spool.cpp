#include "usage_spool.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <system_error>
#include <unistd.h>
#include <utility>

#include "usage_event_json.hpp"

namespace gatehouse::usage {
namespace {

constexpr const char* kSealedSuffix = ".sealed";

[[noreturn]] void throwErrno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// "<active>.<number>.sealed" -> number; 0 when the name is not a segment of this spool.
unsigned long long segmentNumber(const std::filesystem::path& candidate, const std::string& activeName) {
  const std::string name = candidate.filename().string();
  const std::string prefix = activeName + ".";
  if (!name.starts_with(prefix) || !name.ends_with(kSealedSuffix))
    return 0;
  const std::string_view digits(name.data() + prefix.size(),
                                name.size() - prefix.size() - std::char_traits<char>::length(kSealedSuffix));
  unsigned long long number = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  return error == std::errc{} && end == digits.data() + digits.size() ? number : 0;
}

} // namespace

UsageSpool::UsageSpool(std::filesystem::path activePath, std::size_t maxSegmentBytes)
    : activePath_(std::move(activePath)), maxSegmentBytes_(std::max<std::size_t>(maxSegmentBytes, 1)) {
  if (activePath_.has_parent_path())
    std::filesystem::create_directories(activePath_.parent_path());
  for (const auto& segment : segments()) {
    nextSegment_ = std::max(nextSegment_, segmentNumber(segment, activePath_.filename().string()) + 1);
  }
  std::error_code error;
  activeHasData_ = std::filesystem::file_size(activePath_, error) > 0 && !error;
  // A crash may have cut the last line short; sealing now keeps new appends from gluing onto it.
  seal();
}

UsageSpool::~UsageSpool() {
  if (fd_ >= 0)
    ::close(fd_);
}

void UsageSpool::openActive() {
  if (fd_ >= 0)
    return;
  fd_ = ::open(activePath_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0)
    throwErrno("cannot open usage spool " + activePath_.string());
  folderUnsynced_ = true; // a new file's name must survive a crash too: sync() sees to it
}

void UsageSpool::writeAll(int fd, std::string_view data) const {
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throwErrno("cannot write usage spool " + activePath_.string());
    }
    written += static_cast<std::size_t>(n);
  }
}

void UsageSpool::append(std::span<const UsageEvent> events, bool durable) {
  if (events.empty())
    return;
  std::string data;
  for (const UsageEvent& event : events)
    data += toJsonLine(event);
  appendLines(data, durable);
}

void UsageSpool::appendLines(std::string_view data, bool durable) {
  if (data.empty())
    return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    openActive();
    writeAll(fd_, data); // one write per batch: O_APPEND keeps concurrent appends whole
    activeHasData_ = true;
    activeBytes_ += data.size();
    if (activeBytes_ >= maxSegmentBytes_)
      sealLocked();
  }
  if (durable)
    sync();
}

void UsageSpool::sync() {
  // One sync at a time, so a caller's sync() returns only after everything written before it
  // reached the disk, even when another thread had taken that work. The disk is waited for
  // outside mutex_: appends (request threads) go on meanwhile, on the file being synced too,
  // since a duplicate of the active descriptor syncs the same file.
  std::lock_guard<std::mutex> syncing(syncMutex_);
  int active = -1;
  std::vector<std::filesystem::path> sealed;
  bool folder = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (fd_ >= 0 && (active = ::dup(fd_)) < 0)
      throwErrno("cannot sync usage spool " + activePath_.string());
    sealed.swap(unsyncedSegments_);
    folder = std::exchange(folderUnsynced_, false);
  }
  const int activeError = active >= 0 && ::fdatasync(active) != 0 ? errno : 0;
  if (active >= 0)
    ::close(active);
  int sealedError = 0;
  for (const std::filesystem::path& segment : sealed) {
    // Gone already when the writer replayed and removed it meanwhile: nothing left to sync.
    const int fd = ::open(segment.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      continue;
    if (::fdatasync(fd) != 0)
      sealedError = errno;
    ::close(fd);
  }
  if (folder)
    syncDirectory();
  if (activeError != 0 || sealedError != 0) {
    errno = activeError != 0 ? activeError : sealedError;
    throwErrno("cannot sync usage spool " + activePath_.string());
  }
}

void UsageSpool::seal() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sealLocked();
  }
  sync();
}

void UsageSpool::sealLocked() {
  if (!activeHasData_)
    return;
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  std::filesystem::path sealed = activePath_;
  sealed += "." + std::to_string(nextSegment_) + kSealedSuffix;
  std::filesystem::rename(activePath_, sealed);
  ++nextSegment_;
  activeHasData_ = false;
  activeBytes_ = 0;
  unsyncedSegments_.push_back(std::move(sealed));
  folderUnsynced_ = true;
}

std::vector<std::filesystem::path> UsageSpool::segments() const {
  const std::string activeName = activePath_.filename().string();
  const std::filesystem::path folder = activePath_.has_parent_path() ? activePath_.parent_path() : ".";
  std::vector<std::pair<unsigned long long, std::filesystem::path>> found;
  std::error_code error; // a folder removed under us holds no segments; the writer thread must not throw
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (const auto number = segmentNumber(entry.path(), activeName); number > 0)
      found.emplace_back(number, entry.path());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::filesystem::path> ordered;
  for (auto& [number, path] : found)
    ordered.push_back(std::move(path));
  return ordered;
}

bool UsageSpool::hasPending() const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (activeHasData_)
      return true;
  }
  return !segments().empty();
}

void UsageSpool::remove(const std::filesystem::path& segment) {
  std::filesystem::remove(segment);
  syncDirectory();
}

void UsageSpool::reject(const UsageEvent& event) {
  std::filesystem::path rejectedPath = activePath_;
  rejectedPath += ".rejected";
  const int fd = ::open(rejectedPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0)
    throwErrno("cannot open " + rejectedPath.string());
  try {
    writeAll(fd, toJsonLine(event));
    ::fdatasync(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

UsageSpool::Segment UsageSpool::read(const std::filesystem::path& segment) {
  std::ifstream file(segment, std::ios::binary);
  if (!file)
    throw std::system_error(errno, std::generic_category(), "cannot read " + segment.string());
  const std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  Segment result;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos)
      end = content.size();
    if (end > start) {
      UsageEvent event;
      if (fromJsonLine(std::string_view(content).substr(start, end - start), event)) {
        result.events.push_back(std::move(event));
      } else {
        ++result.unreadableLines;
      }
    }
    start = end + 1;
  }
  return result;
}

void UsageSpool::syncDirectory() const {
  const std::filesystem::path folder = activePath_.has_parent_path() ? activePath_.parent_path() : ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return; // best effort: some filesystems cannot open folders
  ::fsync(fd);
  ::close(fd);
}

} // namespace gatehouse::usage
