// The fields every chat.completion and chat.completion.chunk of one answer share.
#pragma once

#include <cstdint>
#include <string>

namespace gatehouse::plugins::gemini {

struct ChatIdentity {
  std::string id;           // "chatcmpl-<request id>"
  std::int64_t created = 0; // unix seconds
  std::string model;        // the public model name the client asked for
};

} // namespace gatehouse::plugins::gemini
