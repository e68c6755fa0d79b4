#pragma once

#include <cstddef>
#include <string>

namespace gatehouse::mock {

// `length` characters of [0-9A-Za-z], unique within the process and unlikely to repeat
// across runs: the shape of provider ids such as "chatcmpl-..." or "msg_...".
std::string uniqueId(std::size_t length);

} // namespace gatehouse::mock
