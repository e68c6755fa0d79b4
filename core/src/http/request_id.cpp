#include <gatehouse/http/request_id.hpp>

#include <cstdint>
#include <random>

namespace gatehouse::http {
namespace {

// One generator per thread: no lock on the request path, and seeding from
// random_device once per thread keeps ids unpredictable across restarts.
std::mt19937_64& threadGenerator() {
  thread_local std::mt19937_64 generator = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  return generator;
}

} // namespace

bool isAcceptableRequestId(std::string_view candidate) {
  if (candidate.empty() || candidate.size() > kMaxRequestIdLength)
    return false;
  for (const char c : candidate) {
    if (c < 0x21 || c > 0x7e)
      return false;
  }
  return true;
}

std::string generateRequestId() {
  static constexpr char kHex[] = "0123456789abcdef";
  auto& generator = threadGenerator();
  const std::uint64_t halves[2] = {generator(), generator()};
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    for (int nibble = 0; nibble < 16; ++nibble) {
      id[static_cast<std::size_t>(half * 16 + nibble)] = kHex[(halves[half] >> (60 - 4 * nibble)) & 0xf];
    }
  }
  return id;
}

std::string resolveRequestId(std::string_view clientValue) {
  if (isAcceptableRequestId(clientValue))
    return std::string(clientValue);
  return generateRequestId();
}

} // namespace gatehouse::http
