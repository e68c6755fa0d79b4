// What every chat.completion and chat.completion.chunk of one answer repeats.
#pragma once

#include <cstdint>
#include <string>

namespace gatehouse::providers {

struct ChatIdentity {
  std::string id;           // e.g. "chatcmpl-<request id>"; the same for every chunk
  std::int64_t created = 0; // unix seconds
  std::string model;        // the public model name the client asked for
};

} // namespace gatehouse::providers
