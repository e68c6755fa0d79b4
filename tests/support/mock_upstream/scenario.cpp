#include "scenario.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace gatehouse::mock {
namespace {

using Args = std::vector<std::string_view>;

// Bounds keep a typo ("stall:6000000") from hanging a test run for hours.
constexpr std::uint64_t kMaxDelayMs = 600'000;
constexpr std::uint64_t kMaxCount = 1'000'000;

constexpr std::array<std::string_view, 14> kItemNames = {
    "fail",   "stall",     "drip",   "slow-body",   "cut",       "reset",       "midstream-error",
    "chunks", "tool-call", "cached", "cache-write", "reasoning", "retry-after", "ok"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos)
      return parts;
    start = end + 1;
  }
}

bool parseNumber(std::string_view text, std::uint64_t max, std::uint64_t& out) {
  if (text.empty())
    return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out <= max;
}

std::string badArgument(std::string_view name, std::string_view expected) {
  return "mock scenario '" + std::string(name) + "' expects " + std::string(expected);
}

std::string applyItem(std::string_view name, const Args& args, Scenario& s) {
  std::uint64_t n = 0;
  auto needNumber = [&](std::uint64_t min, std::uint64_t max) {
    return args.size() == 1 && parseNumber(args[0], max, n) && n >= min;
  };
  if (name == "ok")
    return args.empty() ? "" : badArgument(name, "no argument");
  if (name == "fail") {
    if (args.empty() || args.size() > 2 || !parseNumber(args[0], 599, n) || n < 100)
      return badArgument(name, "<status>[:<error type>] with a status from 100 to 599");
    s.fail = FailSpec{static_cast<int>(n), args.size() == 2 ? std::string(args[1]) : std::string()};
    return "";
  }
  if (name == "stall" || name == "drip" || name == "slow-body") {
    if (!needNumber(0, kMaxDelayMs))
      return badArgument(name, "<milliseconds> up to 600000");
    auto delay = std::chrono::milliseconds(n);
    (name == "stall" ? s.stall : name == "drip" ? s.drip : s.slowBody) = delay;
    return "";
  }
  if (name == "cut") {
    if (!needNumber(0, kMaxCount))
      return badArgument(name, "<count>");
    s.cutAfter = n;
    return "";
  }
  if (name == "reset") {
    if (!args.empty())
      return badArgument(name, "no argument");
    s.reset = true;
    return "";
  }
  if (name == "midstream-error") {
    if (args.size() > 1)
      return badArgument(name, "at most an error type");
    s.midstreamError = true;
    s.midstreamErrorType = args.empty() ? std::string() : std::string(args[0]);
    return "";
  }
  if (name == "chunks") {
    if (!needNumber(1, kMaxCount))
      return badArgument(name, "<count> of at least 1");
    s.chunks = n;
    return "";
  }
  if (name == "tool-call") {
    if (args.empty()) {
      s.toolCalls = 1;
      return "";
    }
    if (!needNumber(1, 64))
      return badArgument(name, "[<count>] from 1 to 64");
    s.toolCalls = n;
    return "";
  }
  if (name == "cached" || name == "cache-write" || name == "reasoning") {
    if (!needNumber(0, kMaxCount))
      return badArgument(name, "<tokens>");
    (name == "cached" ? s.cachedTokens : name == "cache-write" ? s.cacheWriteTokens : s.reasoningTokens) = n;
    return "";
  }
  if (name == "retry-after") {
    if (!needNumber(0, 86'400))
      return badArgument(name, "<seconds>");
    s.retryAfterSeconds = static_cast<int>(n);
    return "";
  }
  return "unknown mock scenario '" + std::string(name) + "'";
}

// In the model form '-' separates both words of a name and arguments, so the name is the
// longest known one the item starts with.
std::string applyModelItem(std::string_view item, Scenario& scenario) {
  std::string_view best;
  for (auto name : kItemNames) {
    bool matches =
        item.substr(0, name.size()) == name && (item.size() == name.size() || item[name.size()] == '-');
    if (matches && name.size() > best.size())
      best = name;
  }
  if (best.empty())
    return "unknown mock scenario '" + std::string(item) + "'";
  Args args;
  if (item.size() > best.size())
    args = split(item.substr(best.size() + 1), '-');
  return applyItem(best, args, scenario);
}

} // namespace

std::string applyScenarioHeader(std::string_view text, Scenario& scenario) {
  for (auto rawItem : split(text, ',')) {
    auto item = trim(rawItem);
    if (item.empty())
      continue;
    auto parts = split(item, ':');
    Args args;
    for (std::size_t i = 1; i < parts.size(); ++i)
      args.push_back(trim(parts[i]));
    if (auto error = applyItem(trim(parts[0]), args, scenario); !error.empty())
      return error;
  }
  return "";
}

std::string applyModelScenario(std::string_view fullModel, Scenario& scenario, std::string& model) {
  constexpr std::string_view kPrefix = "mock-";
  auto slash = fullModel.find('/');
  if (fullModel.substr(0, kPrefix.size()) != kPrefix || slash == std::string_view::npos) {
    model = std::string(fullModel);
    return "";
  }
  for (auto item : split(fullModel.substr(kPrefix.size(), slash - kPrefix.size()), '+')) {
    if (auto error = applyModelItem(item, scenario); !error.empty())
      return error;
  }
  model = std::string(fullModel.substr(slash + 1));
  return "";
}

} // namespace gatehouse::mock
