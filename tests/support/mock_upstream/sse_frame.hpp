// Server-Sent Events framing, one function per provider style.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::mock {

// OpenAI: "data: {...}\n\n", the stream ends with "data: [DONE]\n\n".
inline std::string sseData(std::string_view data) {
  std::string out;
  out.reserve(data.size() + 8);
  out.append("data: ").append(data).append("\n\n");
  return out;
}

// Anthropic: every event is named, "event: <type>\ndata: {...}\n\n".
inline std::string sseNamedEvent(std::string_view name, std::string_view data) {
  std::string out;
  out.reserve(name.size() + data.size() + 16);
  out.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
  return out;
}

// Gemini (alt=sse): "data: {...}\r\n\r\n", no end marker.
inline std::string sseDataCrlf(std::string_view data) {
  std::string out;
  out.reserve(data.size() + 10);
  out.append("data: ").append(data).append("\r\n\r\n");
  return out;
}

} // namespace gatehouse::mock
