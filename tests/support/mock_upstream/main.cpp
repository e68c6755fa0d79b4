// gatehouse_mock_upstream: a fake OpenAI / Azure OpenAI / Anthropic / Gemini server for
// tests and load benchmarks (docs/providers.md, "Mock upstream").
#include <Poco/Exception.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include "mock_options.hpp"
#include "mock_server.hpp"

namespace {

// Thousands of concurrent connections need thousands of descriptors; the soft limit is
// often 1024 while the hard limit allows more.
void raiseDescriptorLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = gatehouse::mock::parseOptions(args);
  if (parsed.help) {
    std::fputs(gatehouse::mock::usageText().c_str(), stdout);
    return 0;
  }
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "gatehouse_mock_upstream: %s\n%s", parsed.error.c_str(),
                 gatehouse::mock::usageText().c_str());
    return 2;
  }
  raiseDescriptorLimit();
  // Writes to clients that left must fail with EPIPE, not kill the process. The stop
  // signals are blocked before any thread starts so only sigwait below receives them.
  std::signal(SIGPIPE, SIG_IGN);
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  try {
    gatehouse::mock::MockServer server(parsed.options);
    server.start();
    std::printf("mock-upstream listening on %s:%u%s\n", parsed.options.host.c_str(), server.port(),
                parsed.options.tls() ? " tls" : "");
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    // Open streams are dropped, not drained: tests stop the mock when they are done with
    // it, and joining threads parked in `stall` or `drip` would only delay them.
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(0);
  } catch (const Poco::Exception& error) {
    std::fprintf(stderr, "gatehouse_mock_upstream: %s\n", error.displayText().c_str());
    return 1;
  }
}
