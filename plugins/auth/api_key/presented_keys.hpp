// The credentials a request carries in the headers this plugin reads.
#pragma once

#include <gatehouse/sdk/request.hpp>

#include <optional>
#include <string_view>
#include <vector>

#include "key_header.hpp"

namespace gatehouse::plugins::api_key {

struct PresentedKey {
  KeyHeader header;
  std::string_view value; // a view into the request: valid while it is
};

// The token of an Authorization value of the Bearer scheme (the scheme is case-insensitive,
// surrounding blanks are dropped); nullopt for another scheme or an empty token.
std::optional<std::string_view> bearerToken(std::string_view authorization);

// What the request carries in `headers`, in that order. An absent or blank header is left
// out, and so is an Authorization of another scheme than Bearer (e.g. Basic): that is no
// API key.
std::vector<PresentedKey> presentedKeys(const sdk::Request& request, const std::vector<KeyHeader>& headers);

} // namespace gatehouse::plugins::api_key
