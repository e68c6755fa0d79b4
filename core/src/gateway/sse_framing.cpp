#include <gatehouse/gateway/sse_framing.hpp>

namespace gatehouse::gateway {

void appendSseEvent(std::string& out, std::string_view data) {
  out.reserve(out.size() + data.size() + 8);
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = data.find_first_of("\r\n", start);
    out.append("data: ")
        .append(data.substr(start, end == std::string_view::npos ? end : end - start))
        .append("\n");
    if (end == std::string_view::npos)
      break;
    start = end + 1;
    if (data[end] == '\r' && start < data.size() && data[start] == '\n')
      ++start;
    if (start == data.size())
      break;
  }
  out.append("\n");
}

} // namespace gatehouse::gateway
