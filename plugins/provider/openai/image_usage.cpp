#include "image_usage.hpp"

#include <charconv>

#include "json_body.hpp"
#include "json_util.hpp"
#include "usage_json.hpp"

namespace gatehouse::plugins::openai {
namespace {

bool isDallE(std::string_view model) {
  return model.rfind("dall-e-", 0) == 0;
}
bool hasDefaultSquare(std::string_view model) {
  return isDallE(model) || model.rfind("gpt-image-", 0) == 0;
}

bool parseDimension(std::string_view text, std::int32_t& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size() && out > 0;
}

} // namespace

std::int32_t imageQuality(std::string_view quality) {
  if (quality == "standard" || quality == "low") {
    return GH_IMAGE_QUALITY_LOW;
  }
  if (quality == "medium") {
    return GH_IMAGE_QUALITY_MEDIUM;
  }
  if (quality == "hd" || quality == "high") {
    return GH_IMAGE_QUALITY_HIGH;
  }
  return GH_IMAGE_QUALITY_UNKNOWN;
}

bool parseImageSize(std::string_view size, std::int32_t& width, std::int32_t& height) {
  const std::size_t x = size.find('x');
  if (x == std::string_view::npos || !parseDimension(size.substr(0, x), width) ||
      !parseDimension(size.substr(x + 1), height)) {
    width = height = 0;
    return false;
  }
  return true;
}

void addImageFacts(const rapidjson::Value& request, const rapidjson::Value* response,
                   std::string_view upstreamModel, gh_usage& usage) {
  const std::string_view answeredSize =
      response != nullptr ? providers::stringMember(*response, "size") : std::string_view();
  const std::string_view askedSize = providers::stringMember(request, "size");
  if (!answeredSize.empty()) {
    parseImageSize(answeredSize, usage.image_width, usage.image_height);
  } else if (!askedSize.empty()) {
    parseImageSize(askedSize, usage.image_width, usage.image_height);
  } else if (hasDefaultSquare(upstreamModel)) {
    usage.image_width = usage.image_height = 1024;
  }

  const std::string_view answeredQuality =
      response != nullptr ? providers::stringMember(*response, "quality") : std::string_view();
  const std::string_view askedQuality = providers::stringMember(request, "quality");
  if (!answeredQuality.empty()) {
    usage.image_quality = imageQuality(answeredQuality);
  } else if (!askedQuality.empty()) {
    usage.image_quality = imageQuality(askedQuality);
  } else {
    usage.image_quality = isDallE(upstreamModel) ? GH_IMAGE_QUALITY_LOW : GH_IMAGE_QUALITY_UNKNOWN;
  }
}

gh_usage imageUsage(const rapidjson::Value& request, const rapidjson::Value& response,
                    std::string_view upstreamModel) {
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  if (response.IsObject()) {
    const auto data = response.FindMember("data");
    if (data != response.MemberEnd() && data->value.IsArray()) {
      usage.images = data->value.Size();
    }
  }
  addImageFacts(request, &response, upstreamModel, usage);
  if (const rapidjson::Value* tokens = memberObject(response, "usage")) {
    addTokenUsage(*tokens, usage);
  }
  return usage;
}

} // namespace gatehouse::plugins::openai
