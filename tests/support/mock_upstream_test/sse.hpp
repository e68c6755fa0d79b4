// Splits a Server-Sent Events body into events, insisting on one frame separator so a
// test notices when a provider's framing is wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::mock::test {

struct SseEvent {
  std::string event; // empty when the frame has no "event:" line
  std::string data;
};

// nullopt when the body is not a sequence of frames, each ending in `separator` ("\n\n"
// or "\r\n\r\n") with lines ending in its first half.
std::optional<std::vector<SseEvent>> parseSse(std::string_view body, std::string_view separator);

} // namespace gatehouse::mock::test
