#include "data_url.hpp"

#include <algorithm>
#include <cctype>

#include "base64.hpp"

namespace gatehouse::plugins::gemini {
namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string percentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Base64 payloads may carry whitespace or percent-escaped padding from careless encoders;
// Gemini wants the plain alphabet.
std::string normalisedBase64(std::string_view payload) {
  std::string decoded =
      payload.find('%') == std::string_view::npos ? std::string(payload) : percentDecode(payload);
  decoded.erase(
      std::remove_if(decoded.begin(), decoded.end(), [](unsigned char c) { return std::isspace(c) != 0; }),
      decoded.end());
  return decoded;
}

} // namespace

std::optional<InlineData> parseDataUrl(std::string_view url) {
  if (lowered(url.substr(0, 5)) != "data:") {
    return std::nullopt;
  }
  const std::size_t comma = url.find(',');
  if (comma == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view header = url.substr(5, comma - 5);
  const std::string_view payload = url.substr(comma + 1);

  InlineData data;
  bool base64 = false;
  std::size_t start = 0;
  for (std::size_t index = 0; start <= header.size(); ++index) {
    const std::size_t end = std::min(header.find(';', start), header.size());
    const std::string token = lowered(header.substr(start, end - start));
    if (index == 0) {
      data.mimeType = token;
    } else if (token == "base64") {
      base64 = true;
    }
    start = end + 1;
  }
  data.base64 = base64 ? normalisedBase64(payload) : base64Encode(percentDecode(payload));
  return data;
}

} // namespace gatehouse::plugins::gemini
