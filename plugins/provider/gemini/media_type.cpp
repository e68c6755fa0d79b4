#include "media_type.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace gatehouse::plugins::gemini {

std::string_view mediaTypeForUrl(std::string_view url, std::string_view fallback) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes = {{
      {"png", "image/png"},   {"jpg", "image/jpeg"},  {"jpeg", "image/jpeg"}, {"webp", "image/webp"},
      {"heic", "image/heic"}, {"heif", "image/heif"}, {"gif", "image/gif"},   {"pdf", "application/pdf"},
      {"txt", "text/plain"},  {"wav", "audio/wav"},   {"mp3", "audio/mp3"},   {"aiff", "audio/aiff"},
      {"aac", "audio/aac"},   {"ogg", "audio/ogg"},   {"flac", "audio/flac"}, {"mp4", "video/mp4"},
      {"mpeg", "video/mpeg"}, {"mov", "video/mov"},   {"webm", "video/webm"}, {"csv", "text/csv"},
  }};
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  const std::size_t schemeEnd = path.find("://");
  if (schemeEnd != std::string_view::npos) {
    path.remove_prefix(schemeEnd + 3);
    const std::size_t slash = path.find('/');
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return fallback;
  }
  std::string extension(path.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [known, type] : kTypes) {
    if (known == extension) {
      return type;
    }
  }
  return fallback;
}

} // namespace gatehouse::plugins::gemini
