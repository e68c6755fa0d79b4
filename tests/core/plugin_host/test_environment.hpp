// Sets or clears environment variables for secret tests. The tests are single-threaded,
// so the environment's lack of thread safety does not apply.
#pragma once

#include <cstdlib>

namespace gatehouse::host_testing {

inline void setEnvironment(const char* name, const char* value) {
  ::setenv(name, value, 1); // NOLINT(concurrency-mt-unsafe)
}

inline void clearEnvironment(const char* name) {
  ::unsetenv(name); // NOLINT(concurrency-mt-unsafe)
}

} // namespace gatehouse::host_testing
