#include "embedding_vector.hpp"

#include <cmath>
#include <cstdint>

namespace gatehouse::mock {

std::vector<float> mockEmbedding(std::string_view text, std::size_t dimensions) {
  // FNV-1a seeds an xorshift generator.
  std::uint64_t state = 0xCBF29CE484222325ULL;
  for (unsigned char c : text)
    state = (state ^ c) * 0x100000001B3ULL;
  if (state == 0)
    state = 1;
  std::vector<float> values(dimensions);
  double norm = 0;
  for (auto& value : values) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    value = static_cast<float>(static_cast<double>(state >> 11) / 9007199254740992.0 * 2.0 - 1.0);
    norm += static_cast<double>(value) * value;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& value : values)
      value = static_cast<float>(value / norm);
  }
  return values;
}

} // namespace gatehouse::mock
