// Waits for one socket descriptor with a single poll(2).
//
// POCO 1.11's Socket::poll builds an epoll set for every call (epoll_create, epoll_ctl,
// epoll_wait, close): four system calls where one will do. The gateway waits like this on
// every keep-alive connection between requests and checks every pooled upstream connection
// before reusing it, so that is two waits per proxied request.
#pragma once

#include <chrono>

namespace gatehouse {

enum class SocketWait {
  Readable, // data, end of stream or an error: the next read tells which
  TimedOut,
  Failed, // poll itself failed (a bad descriptor)
};

// Waits until `fd` is readable, at most `timeout` (zero: just looks). Retries after signals.
SocketWait waitReadable(int fd, std::chrono::milliseconds timeout);

} // namespace gatehouse
