// Keeps the company's Gemini key out of anything a client or a log sees: Gemini error
// messages can quote the key they were given.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::plugins::gemini {

// `text` with every occurrence of `apiKey` (when not empty) and every Google API key
// look-alike ("AIza" followed by at least 20 of [A-Za-z0-9_-]) replaced by "[REDACTED]".
std::string maskSecrets(std::string_view text, std::string_view apiKey);

} // namespace gatehouse::plugins::gemini
