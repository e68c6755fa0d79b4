#include "sse.hpp"

namespace gatehouse::mock::test {

std::optional<std::vector<SseEvent>> parseSse(std::string_view body, std::string_view separator) {
  auto lineEnd = separator.substr(0, separator.size() / 2);
  std::vector<SseEvent> events;
  while (!body.empty()) {
    auto end = body.find(separator);
    if (end == std::string_view::npos)
      return std::nullopt;
    auto frame = body.substr(0, end);
    body.remove_prefix(end + separator.size());
    SseEvent event;
    while (true) {
      auto next = frame.find(lineEnd);
      auto line = frame.substr(0, next);
      if (line.substr(0, 7) == "event: ")
        event.event = std::string(line.substr(7));
      else if (line.substr(0, 6) == "data: ")
        event.data = std::string(line.substr(6));
      else
        return std::nullopt;
      if (next == std::string_view::npos)
        break;
      frame.remove_prefix(next + lineEnd.size());
    }
    events.push_back(std::move(event));
  }
  return events;
}

} // namespace gatehouse::mock::test
