// Builds Anthropic's "messages" array. Anthropic wants user and assistant turns to
// alternate, while OpenAI allows several messages of one role in a row (and sends each
// tool result as its own message), so consecutive blocks of one role merge into one turn.
#pragma once

#include <string_view>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

class TurnList {
public:
  explicit TurnList(providers::JsonAllocator& allocator)
      : allocator_(allocator), turns_(rapidjson::kArrayType) {}

  // Appends the content blocks in `blocks` (an array) to the last turn when it has `role`
  // ("user" or "assistant"), else starts a new turn.
  void add(std::string_view role, rapidjson::Value blocks);

  bool empty() const { return turns_.Empty(); }

  // The messages array. A turn that is a single text block without cache_control is sent
  // with its text as a plain string content, as most Anthropic requests are written.
  rapidjson::Value take();

private:
  providers::JsonAllocator& allocator_;
  rapidjson::Value turns_;
};

} // namespace gatehouse::plugins::anthropic
