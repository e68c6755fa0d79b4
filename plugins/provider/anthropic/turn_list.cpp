#include "turn_list.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

bool isPlainText(const rapidjson::Value& blocks) {
  if (blocks.Size() != 1) {
    return false;
  }
  const rapidjson::Value& block = blocks[0];
  const rapidjson::Value* type = providers::findSet(block, "type");
  return type != nullptr && type->IsString() && providers::stringView(*type) == "text" &&
         block.MemberCount() == 2;
}

} // namespace

void TurnList::add(std::string_view role, rapidjson::Value blocks) {
  if (!turns_.Empty()) {
    rapidjson::Value& last = turns_[turns_.Size() - 1];
    if (providers::stringView(last["role"]) == role) {
      rapidjson::Value& content = last["content"];
      for (auto& block : blocks.GetArray()) {
        content.PushBack(block, allocator_);
      }
      return;
    }
  }
  rapidjson::Value turn(rapidjson::kObjectType);
  turn.AddMember("role", providers::stringValue(role, allocator_), allocator_);
  turn.AddMember("content", blocks, allocator_);
  turns_.PushBack(turn, allocator_);
}

rapidjson::Value TurnList::take() {
  for (auto& turn : turns_.GetArray()) {
    rapidjson::Value& content = turn["content"];
    if (isPlainText(content)) {
      rapidjson::Value text;
      text.Swap(content[0]["text"]);
      content.Swap(text);
    }
  }
  rapidjson::Value out(rapidjson::kArrayType);
  out.Swap(turns_);
  return out;
}

} // namespace gatehouse::plugins::anthropic
