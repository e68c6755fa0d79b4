#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace gatehouse::mock {

// A unit-length vector derived only from `text`: the same input always embeds the same,
// different inputs almost surely differ.
std::vector<float> mockEmbedding(std::string_view text, std::size_t dimensions);

} // namespace gatehouse::mock
