#include "content_parts.hpp"

#include "client_error.hpp"
#include "data_url.hpp"
#include "media_type.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using rapidjson::Value;

constexpr std::string_view kDefaultImageType = "image/jpeg";

void appendText(std::string_view text, Value& parts, providers::JsonAllocator& allocator) {
  if (text.empty()) {
    return;
  }
  Value part(rapidjson::kObjectType);
  part.AddMember("text", providers::stringValue(text, allocator), allocator);
  parts.PushBack(std::move(part), allocator);
}

void appendInline(const InlineData& data, Value& parts, providers::JsonAllocator& allocator) {
  Value inlineData(rapidjson::kObjectType);
  inlineData.AddMember("mimeType", providers::stringValue(data.mimeType, allocator), allocator);
  inlineData.AddMember("data", providers::stringValue(data.base64, allocator), allocator);
  Value part(rapidjson::kObjectType);
  part.AddMember("inlineData", std::move(inlineData), allocator);
  parts.PushBack(std::move(part), allocator);
}

void appendFileUri(std::string_view uri, std::string_view mimeType, Value& parts,
                   providers::JsonAllocator& allocator) {
  Value fileData(rapidjson::kObjectType);
  fileData.AddMember("mimeType", providers::stringValue(mimeType, allocator), allocator);
  fileData.AddMember("fileUri", providers::stringValue(uri, allocator), allocator);
  Value part(rapidjson::kObjectType);
  part.AddMember("fileData", std::move(fileData), allocator);
  parts.PushBack(std::move(part), allocator);
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string_view requireString(const Value& object, std::string_view key, const std::string& path) {
  const Value* value = providers::findMember(object, key);
  if (value == nullptr || !value->IsString()) {
    throw invalidParam(path + "." + std::string(key), path + "." + std::string(key) + " must be a string");
  }
  return providers::stringView(*value);
}

void appendImage(const Value& part, const std::string& path, Value& parts,
                 providers::JsonAllocator& allocator) {
  // The spec nests {"url": ...}; some clients send the URL string directly.
  const Value* image = providers::findMember(part, "image_url");
  std::string_view url;
  std::string urlPath = path + ".image_url";
  if (image != nullptr && image->IsString()) {
    url = providers::stringView(*image);
  } else if (image != nullptr && image->IsObject()) {
    url = requireString(*image, "url", urlPath);
    urlPath += ".url";
  } else {
    throw invalidParam(urlPath, urlPath + " must be an object with a url");
  }
  if (startsWith(url, "data:")) {
    std::optional<InlineData> data = parseDataUrl(url);
    if (!data || data->mimeType.empty() || data->base64.empty()) {
      throw invalidParam(urlPath, urlPath + " is not a data: URL with a media type and data");
    }
    appendInline(*data, parts, allocator);
  } else if (startsWith(url, "https://") || startsWith(url, "http://") || startsWith(url, "gs://")) {
    appendFileUri(url, mediaTypeForUrl(url, kDefaultImageType), parts, allocator);
  } else {
    throw invalidParam(urlPath, urlPath + " must be an http(s) URL or a data: URL");
  }
}

void appendAudio(const Value& part, const std::string& path, Value& parts,
                 providers::JsonAllocator& allocator) {
  const std::string audioPath = path + ".input_audio";
  const Value* audio = providers::findMember(part, "input_audio");
  if (audio == nullptr || !audio->IsObject()) {
    throw invalidParam(audioPath, audioPath + " must be an object with data and format");
  }
  const std::string_view data = requireString(*audio, "data", audioPath);
  const std::string_view format = requireString(*audio, "format", audioPath);
  if (format.empty() || format.find_first_of("/; ") != std::string_view::npos) {
    throw invalidParam(audioPath + ".format",
                       audioPath + ".format must be an audio format such as wav or mp3");
  }
  appendInline(InlineData{"audio/" + std::string(format), std::string(data)}, parts, allocator);
}

void appendFile(const Value& part, const std::string& path, Value& parts,
                providers::JsonAllocator& allocator) {
  const std::string filePath = path + ".file";
  const Value* file = providers::findMember(part, "file");
  if (file == nullptr || !file->IsObject()) {
    throw invalidParam(filePath, filePath + " must be an object");
  }
  if (providers::findSet(*file, "file_id") != nullptr) {
    throw invalidParam(filePath + ".file_id",
                       filePath +
                           ".file_id refers to an OpenAI file, which Gemini cannot read; send file_data");
  }
  const std::string_view fileData = requireString(*file, "file_data", filePath);
  if (startsWith(fileData, "data:")) {
    std::optional<InlineData> data = parseDataUrl(fileData);
    if (!data || data->mimeType.empty() || data->base64.empty()) {
      throw invalidParam(filePath + ".file_data",
                         filePath + ".file_data is not a data: URL with a media type");
    }
    appendInline(*data, parts, allocator);
    return;
  }
  const Value* filename = providers::findMember(*file, "filename");
  const std::string_view type =
      filename != nullptr ? mediaTypeForUrl(providers::stringView(*filename), {}) : std::string_view();
  if (type.empty()) {
    throw invalidParam(filePath + ".filename",
                       filePath + " needs a data: URL or a filename whose extension names its type");
  }
  appendInline(InlineData{std::string(type), std::string(fileData)}, parts, allocator);
}

void appendPart(const Value& part, const std::string& path, AllowedParts allowed, Value& parts,
                providers::JsonAllocator& allocator) {
  if (!part.IsObject()) {
    throw invalidParam(path, path + " must be an object");
  }
  const Value* typeValue = providers::findMember(part, "type");
  const std::string_view type = typeValue != nullptr ? providers::stringView(*typeValue) : std::string_view();
  if (type == "text") {
    appendText(requireString(part, "text", path), parts, allocator);
  } else if (type == "refusal" && allowed == AllowedParts::Text) {
    appendText(requireString(part, "refusal", path), parts, allocator);
  } else if (allowed == AllowedParts::Any && type == "image_url") {
    appendImage(part, path, parts, allocator);
  } else if (allowed == AllowedParts::Any && type == "input_audio") {
    appendAudio(part, path, parts, allocator);
  } else if (allowed == AllowedParts::Any && type == "file") {
    appendFile(part, path, parts, allocator);
  } else {
    throw invalidParam(path + ".type",
                       path + ".type '" + std::string(type) + "' is not supported " +
                           (allowed == AllowedParts::Text ? "in this message's role" : "by Gemini"));
  }
}

} // namespace

void appendContentParts(const rapidjson::Value& content, const std::string& path, AllowedParts allowed,
                        rapidjson::Value& parts, providers::JsonAllocator& allocator) {
  if (content.IsNull()) {
    return;
  }
  if (content.IsString()) {
    appendText(providers::stringView(content), parts, allocator);
    return;
  }
  if (!content.IsArray()) {
    throw invalidParam(path, path + " must be a string or an array of content parts");
  }
  for (rapidjson::SizeType i = 0; i < content.Size(); ++i) {
    appendPart(content[i], path + "[" + std::to_string(i) + "]", allowed, parts, allocator);
  }
}

} // namespace gatehouse::plugins::gemini
