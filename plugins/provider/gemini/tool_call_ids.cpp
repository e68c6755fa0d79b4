#include "tool_call_ids.hpp"

#include <cstdint>
#include <random>

namespace gatehouse::plugins::gemini {

std::string RandomToolCallIds::next() {
  thread_local std::mt19937_64 generator{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "call_";
  std::uint64_t bits = generator();
  for (int i = 0; i < 24; ++i) {
    if (i == 16) {
      bits = generator();
    }
    id += kHex[bits & 15];
    bits >>= 4;
  }
  return id;
}

} // namespace gatehouse::plugins::gemini
