// Checks provider credentials the way each real API does, with its real failure bodies.
#pragma once

namespace gatehouse::mock {

class Exchange;

// OpenAI: "Authorization: Bearer KEY". Azure: "api-key" (or a bearer token). Anthropic:
// "x-api-key" plus the required "anthropic-version". Gemini: "x-goog-api-key" or "?key=".
// The key must equal --expect-key when one is set for the provider, else be non-empty.
// On failure answers and returns false.
bool checkCredentials(Exchange& exchange);

} // namespace gatehouse::mock
