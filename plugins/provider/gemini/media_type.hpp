// The media type Gemini's fileData needs for a URL, guessed from the path's extension
// because an OpenAI image_url carries none.
#pragma once

#include <string_view>

namespace gatehouse::plugins::gemini {

// "image/png" for ".../a.PNG?x=1", and so on for the image, audio, video and document types
// Gemini reads; `fallback` when the extension is missing or unknown.
std::string_view mediaTypeForUrl(std::string_view url, std::string_view fallback);

} // namespace gatehouse::plugins::gemini
