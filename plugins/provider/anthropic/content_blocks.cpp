#include "content_blocks.hpp"

#include "image_source.hpp"
#include "request_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::string partParam(const std::string& param, rapidjson::SizeType index) {
  return param + "[" + std::to_string(index) + "]";
}

void copyCacheControl(const rapidjson::Value& part, rapidjson::Value& block, const std::string& param,
                      providers::JsonAllocator& allocator) {
  const rapidjson::Value* cacheControl = providers::findSet(part, "cache_control");
  if (cacheControl == nullptr) {
    return;
  }
  if (!cacheControl->IsObject()) {
    refuseParam(param + ".cache_control", "must be an object such as {\"type\":\"ephemeral\"}");
  }
  block.AddMember("cache_control", rapidjson::Value(*cacheControl, allocator), allocator);
}

// Appends a text block for `text` unless it is empty.
void appendText(const rapidjson::Value* text, const rapidjson::Value& part, const std::string& param,
                rapidjson::Value& blocks, providers::JsonAllocator& allocator) {
  if (text == nullptr || !text->IsString()) {
    refuseParam(param + ".text", "must be a string");
  }
  if (text->GetStringLength() == 0) {
    return;
  }
  rapidjson::Value block = textBlock(providers::stringView(*text), allocator);
  copyCacheControl(part, block, param, allocator);
  blocks.PushBack(block, allocator);
}

void appendImage(const rapidjson::Value& part, const std::string& param, rapidjson::Value& blocks,
                 providers::JsonAllocator& allocator) {
  const rapidjson::Value* imageUrl = providers::findSet(part, "image_url");
  // The documented form is {"url": ..., "detail": ...}; some clients send the URL alone.
  const rapidjson::Value* url =
      imageUrl != nullptr && imageUrl->IsObject() ? providers::findSet(*imageUrl, "url") : imageUrl;
  if (url == nullptr || !url->IsString()) {
    refuseParam(param + ".image_url.url", "must be a string");
  }
  rapidjson::Value block(rapidjson::kObjectType);
  block.AddMember("type", "image", allocator);
  block.AddMember("source", imageSource(providers::stringView(*url), param + ".image_url.url", allocator),
                  allocator);
  copyCacheControl(part, block, param, allocator);
  blocks.PushBack(block, allocator);
}

std::string_view partType(const rapidjson::Value& part, const std::string& param) {
  const rapidjson::Value* type = part.IsObject() ? providers::findSet(part, "type") : nullptr;
  if (type == nullptr || !type->IsString()) {
    refuseParam(param + ".type", "every content part needs a string \"type\"");
  }
  return providers::stringView(*type);
}

[[noreturn]] void refusePart(std::string_view type, const std::string& param) {
  refuseParam(param + ".type", "content parts of type '" + std::string(type) +
                                   "' are not supported by the anthropic provider");
}

template <class TranslatePart>
rapidjson::Value translate(const rapidjson::Value& content, const std::string& param,
                           providers::JsonAllocator& allocator, TranslatePart translatePart) {
  rapidjson::Value blocks(rapidjson::kArrayType);
  if (content.IsString()) {
    if (content.GetStringLength() > 0) {
      blocks.PushBack(textBlock(providers::stringView(content), allocator), allocator);
    }
    return blocks;
  }
  if (!content.IsArray()) {
    refuseParam(param, "must be a string or an array of content parts");
  }
  for (rapidjson::SizeType i = 0; i < content.Size(); ++i) {
    translatePart(content[i], partParam(param, i), blocks);
  }
  return blocks;
}

} // namespace

rapidjson::Value textBlock(std::string_view text, providers::JsonAllocator& allocator) {
  rapidjson::Value block(rapidjson::kObjectType);
  block.AddMember("type", "text", allocator);
  block.AddMember("text", providers::stringValue(text, allocator), allocator);
  return block;
}

rapidjson::Value userContentBlocks(const rapidjson::Value& content, const std::string& param,
                                   providers::JsonAllocator& allocator) {
  return translate(content, param, allocator,
                   [&](const rapidjson::Value& part, const std::string& at, rapidjson::Value& blocks) {
                     const std::string_view type = partType(part, at);
                     if (type == "text") {
                       appendText(providers::findSet(part, "text"), part, at, blocks, allocator);
                     } else if (type == "image_url") {
                       appendImage(part, at, blocks, allocator);
                     } else {
                       refusePart(type, at);
                     }
                   });
}

rapidjson::Value textContentBlocks(const rapidjson::Value& content, const std::string& param,
                                   providers::JsonAllocator& allocator, bool acceptRefusal) {
  return translate(content, param, allocator,
                   [&](const rapidjson::Value& part, const std::string& at, rapidjson::Value& blocks) {
                     const std::string_view type = partType(part, at);
                     if (type == "text") {
                       appendText(providers::findSet(part, "text"), part, at, blocks, allocator);
                     } else if (type == "refusal" && acceptRefusal) {
                       appendText(providers::findSet(part, "refusal"), part, at, blocks, allocator);
                     } else {
                       refusePart(type, at);
                     }
                   });
}

} // namespace gatehouse::plugins::anthropic
