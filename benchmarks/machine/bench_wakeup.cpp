// One byte bounced between two threads over a loopback TCP connection, each side blocking in
// recv() (or, for the "spinning" variant, the measuring side polling with MSG_DONTWAIT). A
// request through the gateway makes four such hand-offs (client → gateway → upstream →
// gateway → client) where a request straight to the upstream makes two; when the gateway runs
// on another core than client and upstream, each of its hand-offs is a cross-core wake-up.
//   bench_wakeup        same core (both block), across cores 0 and 1 (both block; caller spins)
#include <benchmark/benchmark.h>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sched.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {

enum class Wait { Block, Spin };

void pinCurrentThread(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (::pthread_setaffinity_np(::pthread_self(), sizeof(set), &set) != 0)
    throw std::runtime_error("cannot pin a thread to CPU " + std::to_string(cpu));
}

void setNoDelay(int fd) {
  const int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

// A connected pair of loopback TCP sockets.
struct SocketPair {
  int near = -1;
  int far = -1;

  SocketPair() {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&address), length) != 0 || ::listen(listener, 1) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      throw std::runtime_error("cannot listen on loopback");
    near = ::socket(AF_INET, SOCK_STREAM, 0);
    if (::connect(near, reinterpret_cast<sockaddr*>(&address), length) != 0)
      throw std::runtime_error("cannot connect on loopback");
    far = ::accept(listener, nullptr, nullptr);
    ::close(listener);
    setNoDelay(near);
    setNoDelay(far);
  }
  ~SocketPair() {
    ::close(near);
    ::close(far);
  }
  SocketPair(const SocketPair&) = delete;
  SocketPair& operator=(const SocketPair&) = delete;
};

bool receiveOne(int fd, Wait wait) {
  char byte = 0;
  if (wait == Wait::Block)
    return ::recv(fd, &byte, 1, 0) == 1;
  for (;;) {
    const ssize_t got = ::recv(fd, &byte, 1, MSG_DONTWAIT);
    if (got == 1)
      return true;
    if (got == 0)
      return false;
  }
}

// range(0): the echo thread's CPU (the measuring thread is on CPU 0); range(1): 1 = spin.
void BM_LoopbackRoundTrip(benchmark::State& state) {
  const int echoCpu = static_cast<int>(state.range(0));
  const Wait wait = state.range(1) == 1 ? Wait::Spin : Wait::Block;
  if (echoCpu >= static_cast<int>(std::thread::hardware_concurrency())) {
    state.SkipWithError("needs a second CPU");
    return;
  }
  pinCurrentThread(0);
  SocketPair sockets;
  std::thread echo([&sockets, echoCpu] {
    pinCurrentThread(echoCpu);
    char byte = 0;
    while (::recv(sockets.far, &byte, 1, 0) == 1 && ::send(sockets.far, &byte, 1, 0) == 1) {
    }
  });
  const char byte = 'x';
  for (auto _ : state) {
    if (::send(sockets.near, &byte, 1, 0) != 1 || !receiveOne(sockets.near, wait)) {
      state.SkipWithError("the echo thread went away");
      break;
    }
  }
  ::shutdown(sockets.near, SHUT_WR);
  echo.join();
  state.SetLabel(std::string(echoCpu == 0 ? "same core" : "across cores") +
                 (wait == Wait::Spin ? ", caller spins" : ", both block"));
}

BENCHMARK(BM_LoopbackRoundTrip)
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 1}) // spinning on the echo thread's own core would only delay the echo
    ->ArgNames({"echo_cpu", "spin"})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

} // namespace
