#include "image_source.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "request_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lowercase(text.substr(0, prefix.size())) == prefix;
}

// "image/jpg" is a common misspelling clients send; Anthropic only knows "image/jpeg".
std::string canonicalMediaType(std::string_view mediaType, std::string_view param) {
  std::string type = lowercase(mediaType);
  if (type == "image/jpg") {
    type = "image/jpeg";
  }
  static constexpr std::array<std::string_view, 4> kAccepted{"image/jpeg", "image/png", "image/gif",
                                                             "image/webp"};
  if (std::find(kAccepted.begin(), kAccepted.end(), type) == kAccepted.end()) {
    refuseParam(param, "image media type '" + type + "' is not supported (use jpeg, png, gif or webp)");
  }
  return type;
}

rapidjson::Value base64Source(std::string_view url, std::string_view param,
                              providers::JsonAllocator& allocator) {
  const std::string_view rest = url.substr(5); // after "data:"
  const std::size_t comma = rest.find(',');
  const std::string_view header = rest.substr(0, comma);
  const std::size_t semicolon = header.find(';');
  if (comma == std::string_view::npos || semicolon == std::string_view::npos ||
      lowercase(header.substr(header.rfind(';') + 1)) != "base64") {
    refuseParam(param, "a data: image URL must be base64 encoded (data:image/png;base64,...)");
  }
  const std::string mediaType = canonicalMediaType(header.substr(0, semicolon), param);
  const std::string_view data = rest.substr(comma + 1);
  if (data.empty()) {
    refuseParam(param, "the data: image URL holds no data");
  }
  rapidjson::Value source(rapidjson::kObjectType);
  source.AddMember("type", "base64", allocator);
  source.AddMember("media_type", providers::stringValue(mediaType, allocator), allocator);
  source.AddMember("data", providers::stringValue(data, allocator), allocator);
  return source;
}

} // namespace

rapidjson::Value imageSource(std::string_view url, std::string_view param,
                             providers::JsonAllocator& allocator) {
  if (startsWithNoCase(url, "data:")) {
    return base64Source(url, param, allocator);
  }
  if (startsWithNoCase(url, "https://") && url.size() > 8) {
    rapidjson::Value source(rapidjson::kObjectType);
    source.AddMember("type", "url", allocator);
    source.AddMember("url", providers::stringValue(url, allocator), allocator);
    return source;
  }
  // Only the scheme goes into the message: the URL itself may be long or private.
  const std::size_t colon = url.find(':');
  const std::string scheme =
      colon == std::string_view::npos || colon > 16 ? std::string("none") : lowercase(url.substr(0, colon));
  refuseParam(param, "image URLs must be https:// or data:image/...;base64 (got scheme '" + scheme + "')");
}

} // namespace gatehouse::plugins::anthropic
