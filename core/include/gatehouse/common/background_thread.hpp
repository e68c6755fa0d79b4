// Threads that work beside the request path (the usage writer, billing, periodic clean-ups,
// the key and health pollers) say who they are and how urgent they are.
//
// A name shows in `top -H`, `ps -L` and `perf`, so an operator can tell the usage writer from
// a request thread. The niceness matters for latency: the usage writer stores a batch in one
// burst of several milliseconds of CPU; at the same priority as the request threads, a
// request that arrives meanwhile waits behind it (measured: one-connection p99 2.4 ms against
// 0.35 ms with the writer at nice 19). At nice 19 the scheduler lets any request thread
// preempt it. Under sustained saturation such a thread gets little CPU, which is why callers
// that must keep up (the key poller: revocations) stay at 0.
#pragma once

#include <string_view>

namespace gatehouse {

// Nice values a thread may take: 0 (as the request threads) to 19 (yields to everything).
inline constexpr int kNormalThreadNice = 0;
inline constexpr int kBackgroundThreadNice = 19;

// Names the calling thread; Linux keeps the first 15 bytes.
void nameCurrentThread(std::string_view name);

// Sets the calling thread's nice value (clamped to 0..19). Raising it needs no privilege;
// false when the system refused, and the thread then runs as before.
bool setCurrentThreadNice(int nice);

// The calling thread's nice value.
int currentThreadNice();

} // namespace gatehouse
