// What an image generation consumed: the number of images, their size and quality (which
// price them), and tokens for models that bill tokens (gpt-image-*).
//
// Size: the response's "size" (gpt-image-1 reports what "auto" became), else the
// request's, else the model's default: 1024x1024 for dall-e-2, dall-e-3 and gpt-image-*;
// "auto" or an unknown model leaves width and height 0.
// Quality: "standard" and "low" are LOW, "medium" MEDIUM, "hd" and "high" HIGH; absent
// means "standard" (LOW) for dall-e-*, unknown otherwise.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <rapidjson/document.h>

#include <cstdint>
#include <string_view>

namespace gatehouse::plugins::openai {

// GH_IMAGE_QUALITY_* for a "quality" value.
std::int32_t imageQuality(std::string_view quality);

// "1024x1792" into width and height; false (both 0) for "auto" or anything else.
bool parseImageSize(std::string_view size, std::int32_t& width, std::int32_t& height);

// Usage for a generation whose request was `request` and whose answer is `response`.
gh_usage imageUsage(const rapidjson::Value& request, const rapidjson::Value& response,
                    std::string_view upstreamModel);

// The size and quality part alone (for streams, where the count comes from events).
void addImageFacts(const rapidjson::Value& request, const rapidjson::Value* response,
                   std::string_view upstreamModel, gh_usage& usage);

} // namespace gatehouse::plugins::openai
