#pragma once

#include <string_view>

namespace gatehouse::mock {

// The reason phrase for a status line. Unknown codes (any 100..599 is allowed through
// `fail:`) get a neutral phrase: clients go by the number.
std::string_view reasonPhrase(int status);

} // namespace gatehouse::mock
