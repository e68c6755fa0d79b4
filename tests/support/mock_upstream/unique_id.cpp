#include "unique_id.hpp"

#include <atomic>
#include <cstdint>
#include <random>

namespace gatehouse::mock {
namespace {

std::uint64_t splitMix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t processSeed() {
  static const std::uint64_t seed =
      (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
  return seed;
}

} // namespace

std::string uniqueId(std::size_t length) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static std::atomic<std::uint64_t> counter{0};
  // The counter makes ids unique within the process; the seed varies them between runs.
  auto serial = counter.fetch_add(1, std::memory_order_relaxed);
  std::string id;
  id.reserve(length);
  std::uint64_t state = splitMix(processSeed() ^ serial);
  for (std::size_t i = 0; i < length; ++i) {
    if (i % 10 == 0 && i > 0)
      state = splitMix(state ^ serial);
    id += kAlphabet[state % 62];
    state /= 62;
  }
  return id;
}

} // namespace gatehouse::mock
