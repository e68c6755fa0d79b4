#include <gatehouse/common/socket_wait.hpp>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <poll.h>

namespace gatehouse {

SocketWait waitReadable(int fd, std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + timeout;
  std::chrono::milliseconds left = timeout;
  for (;;) {
    pollfd entry{fd, POLLIN | POLLPRI, 0};
    const int waitMs = static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(left.count(), 0, INT_MAX));
    const int ready = ::poll(&entry, 1, waitMs);
    if (ready > 0)
      return (entry.revents & POLLNVAL) != 0 ? SocketWait::Failed : SocketWait::Readable;
    if (ready == 0)
      return SocketWait::TimedOut;
    if (errno != EINTR)
      return SocketWait::Failed;
    left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0)
      return SocketWait::TimedOut;
  }
}

} // namespace gatehouse
