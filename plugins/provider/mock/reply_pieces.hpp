// Splits a reply into stream chunks.
#pragma once

#include <string_view>
#include <vector>

namespace gatehouse::plugins::mock {

// Splits `text` into `count` pieces of nearly equal byte length (earlier pieces take the
// remainder), never cutting a UTF-8 sequence. Fewer pieces come back when the text has
// fewer characters than `count`; an empty text gives one empty piece.
std::vector<std::string_view> splitReply(std::string_view text, int count);

} // namespace gatehouse::plugins::mock
