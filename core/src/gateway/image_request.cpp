#include <gatehouse/gateway/image_request.hpp>

#include "json_request.hpp"

namespace gatehouse::gateway {
namespace {

std::optional<http::ApiError> validate(const json::Value& root, ModelRequest& request) {
  if (auto error = json::readModel(root, request))
    return error;
  if (auto error = json::requireText(root, "prompt"))
    return error;
  return json::readStream(root, request);
}

} // namespace

ParsedModelRequest parseImageRequest(std::string_view body) {
  return json::parseJsonRequest(body, GH_ENDPOINT_IMAGES, &validate);
}

} // namespace gatehouse::gateway
