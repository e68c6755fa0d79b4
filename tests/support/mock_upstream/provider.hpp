#pragma once

namespace gatehouse::mock {

// Whose wire format a request is answered in.
enum class Provider { OpenAi, Azure, Anthropic, Gemini };

} // namespace gatehouse::mock
