// RFC 2397 data: URLs, as OpenAI clients send inline images, audio and files
// ("data:image/png;base64,iVBOR..."), turned into Gemini inlineData fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::plugins::gemini {

struct InlineData {
  std::string mimeType; // lower-case, parameters removed; empty when the URL names none
  std::string base64;   // the payload, base64-encoded (percent-decoded and encoded if it was not)
};

// nullopt when `url` is not a well-formed data: URL (no "data:" prefix, no comma).
std::optional<InlineData> parseDataUrl(std::string_view url);

} // namespace gatehouse::plugins::gemini
