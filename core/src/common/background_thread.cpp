#include <gatehouse/common/background_thread.hpp>

#include <algorithm>
#include <pthread.h>
#include <string>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace gatehouse {
namespace {

constexpr std::size_t kMaxThreadNameBytes = 15; // plus the terminating zero: 16

// On Linux, PRIO_PROCESS with a thread id addresses that one thread (POSIX would say the
// whole process; Linux's threads are scheduled one by one).
id_t currentThreadId() {
  return static_cast<id_t>(::syscall(SYS_gettid));
}

} // namespace

void nameCurrentThread(std::string_view name) {
  const std::string shortened(name.substr(0, kMaxThreadNameBytes));
  ::pthread_setname_np(::pthread_self(), shortened.c_str());
}

bool setCurrentThreadNice(int nice) {
  nice = std::clamp(nice, kNormalThreadNice, kBackgroundThreadNice);
  return ::setpriority(PRIO_PROCESS, currentThreadId(), nice) == 0;
}

int currentThreadNice() {
  return ::getpriority(PRIO_PROCESS, currentThreadId());
}

} // namespace gatehouse
