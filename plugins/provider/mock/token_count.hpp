// The mock's token counting: deterministic and documented rather than realistic, so
// tests and load benchmarks can predict usage exactly. A text costs
// ceil(utf8_bytes / 4) tokens, and at least 1.
#pragma once

#include <cstdint>
#include <string_view>

namespace gatehouse::plugins::mock {

inline std::int64_t countTokens(std::string_view text) {
  const auto tokens = static_cast<std::int64_t>((text.size() + 3) / 4);
  return tokens < 1 ? 1 : tokens;
}

} // namespace gatehouse::plugins::mock
