// The mock provider's instance config (providers[].config):
//   {"latency_ms": 0, "chunks": 4, "reply": "fixed text"}   (every key optional)
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::plugins::mock {

struct MockConfig {
  int latencyMs = 0;                // before answering, and between stream chunks
  int chunks = 4;                   // content chunks a streamed reply is split into
  std::optional<std::string> reply; // replaces the echo when set
};

inline constexpr int kMaxLatencyMs = 60000;
inline constexpr int kMaxChunks = 1000;

// Throws gatehouse::sdk::Error(GH_ERROR_CONFIG) naming the key for anything else than
// the keys above with their types and ranges (latency_ms 0..60000, chunks 1..1000).
MockConfig parseMockConfig(std::string_view json);

} // namespace gatehouse::plugins::mock
