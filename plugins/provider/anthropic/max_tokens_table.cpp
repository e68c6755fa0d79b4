#include "max_tokens_table.hpp"

#include <array>

namespace gatehouse::plugins::anthropic {
namespace {

struct Entry {
  std::string_view prefix;
  int maxTokens;
};

// Longer prefixes first: the first match wins.
constexpr std::array<Entry, 10> kTable{{
    {"claude-opus-4-5", 64000},
    {"claude-opus-4", 32000},
    {"claude-sonnet-4", 64000},
    {"claude-haiku-4", 64000},
    {"claude-3-7-sonnet", 64000},
    {"claude-3-5-sonnet", 8192},
    {"claude-3-5-haiku", 8192},
    {"claude-3-opus", 4096},
    {"claude-3-sonnet", 4096},
    {"claude-3-haiku", 4096},
}};

} // namespace

int defaultMaxTokens(std::string_view upstreamModel) {
  for (const Entry& entry : kTable) {
    if (upstreamModel.substr(0, entry.prefix.size()) == entry.prefix) {
      return entry.maxTokens;
    }
  }
  return kFallbackMaxTokens;
}

} // namespace gatehouse::plugins::anthropic
