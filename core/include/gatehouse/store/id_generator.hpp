// Identifiers for new rows: 128 random bits as 32 lowercase hex characters, so nodes never need
// to coordinate and ids reveal nothing about order or volume.
#pragma once

#include <string>

namespace gatehouse::store {

std::string newId();

} // namespace gatehouse::store
