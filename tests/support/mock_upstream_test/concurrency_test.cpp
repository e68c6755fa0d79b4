// The load benchmarks need the mock to hold 2,000 streams at once on a 2-core machine.
// Proof: every stream has its first event before any stream has finished.
#include <gatehouse/testing/mock_upstream_process.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::mock::test {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kStreams = 2000;

struct Stream {
  int fd = -1;
  std::string toSend;
  std::size_t sent = 0;
  std::string received;
  Clock::time_point firstEvent{};
  Clock::time_point finished{};
  bool done = false;
};

bool raiseDescriptorLimit(rlim_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
    return false;
  if (limit.rlim_cur >= wanted)
    return true;
  if (limit.rlim_max < wanted)
    return false;
  limit.rlim_cur = wanted;
  return setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

TEST(MockConcurrency, HoldsTwoThousandStreamsAtOnce) {
  if (!raiseDescriptorLimit(kStreams + 200))
    GTEST_SKIP() << "this process may not open " << kStreams << " sockets";
  testing::MockUpstreamOptions options;
  options.record = false;
  testing::MockUpstreamProcess mock(options);

  // 8 events 600 ms apart: each stream lasts 4.2 s, far longer than opening them all takes.
  const std::string body = R"({"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]})";
  const std::string request =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
      "x-mock-scenario: chunks:5,drip:600\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(mock.port());
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

  std::vector<Stream> streams(kStreams);
  for (auto& s : streams) {
    s.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    ASSERT_GE(s.fd, 0);
    int rc = connect(s.fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    ASSERT_TRUE(rc == 0 || errno == EINPROGRESS) << std::strerror(errno);
    s.toSend = request;
  }

  auto deadline = Clock::now() + std::chrono::seconds(60);
  std::size_t remaining = kStreams;
  std::vector<pollfd> fds(kStreams);
  char buffer[8192];
  while (remaining > 0 && Clock::now() < deadline) {
    for (std::size_t i = 0; i < kStreams; ++i) {
      fds[i].fd = streams[i].done ? -1 : streams[i].fd;
      fds[i].events = static_cast<short>(streams[i].sent < streams[i].toSend.size() ? POLLOUT : POLLIN);
      fds[i].revents = 0;
    }
    ASSERT_GE(poll(fds.data(), fds.size(), 1000), 0);
    auto now = Clock::now();
    for (std::size_t i = 0; i < kStreams; ++i) {
      auto& s = streams[i];
      if (s.done || fds[i].revents == 0)
        continue;
      if (s.sent < s.toSend.size()) {
        auto n = send(s.fd, s.toSend.data() + s.sent, s.toSend.size() - s.sent, MSG_NOSIGNAL);
        if (n > 0)
          s.sent += static_cast<std::size_t>(n);
        continue;
      }
      auto n = recv(s.fd, buffer, sizeof(buffer), 0);
      if (n <= 0) {
        s.done = true; // closed early: counted as a failure below
        --remaining;
        continue;
      }
      s.received.append(buffer, static_cast<std::size_t>(n));
      if (s.firstEvent == Clock::time_point{} && s.received.find("data: ") != std::string::npos)
        s.firstEvent = now;
      if (s.received.size() >= 5 && s.received.compare(s.received.size() - 5, 5, "0\r\n\r\n") == 0) {
        s.finished = now;
        s.done = true;
        --remaining;
      }
    }
  }

  std::size_t complete = 0;
  auto lastFirstEvent = Clock::time_point::min();
  auto firstFinish = Clock::time_point::max();
  for (auto& s : streams) {
    close(s.fd);
    if (s.finished != Clock::time_point{} && s.received.find("data: [DONE]") != std::string::npos) {
      ++complete;
      lastFirstEvent = std::max(lastFirstEvent, s.firstEvent);
      firstFinish = std::min(firstFinish, s.finished);
    }
  }
  ASSERT_EQ(complete, kStreams);
  EXPECT_LT(lastFirstEvent, firstFinish) << "streams were not all open at the same time";
}

} // namespace
} // namespace gatehouse::mock::test
