#include <gatehouse/gateway/image_request.hpp>

#include <gtest/gtest.h>

#include "request_parsing.hpp"

namespace gatehouse::gateway {
namespace {

ModelRequest accepted(std::string_view body) {
  return testing::acceptedRequest(parseImageRequest(body), body);
}

TEST(ImageRequest, AcceptsAPromptWithAnyOtherOptions) {
  const ModelRequest request =
      accepted(R"({"model":"dall-e-3","prompt":"a lighthouse","n":1,"size":"1024x1024","quality":"hd"})");
  EXPECT_EQ(request.endpoint, GH_ENDPOINT_IMAGES);
  EXPECT_EQ(request.model, "dall-e-3");
  EXPECT_FALSE(request.stream);
}

TEST(ImageRequest, ReadsStreamForPartialImages) {
  EXPECT_TRUE(accepted(R"({"model":"gpt-image-1","prompt":"p","stream":true})").stream);
  EXPECT_FALSE(accepted(R"({"model":"gpt-image-1","prompt":"p","stream":null})").stream);
}

TEST(ImageRequest, RefusesMissingOrWrongFieldsNamingTheParam) {
  testing::expectRefusals(&parseImageRequest,
                          {
                              {R"({"prompt":"p"})", "model", "missing_required_parameter"},
                              {R"({"model":null,"prompt":"p"})", "model", "invalid_type"},
                              {R"({"model":"i"})", "prompt", "missing_required_parameter"},
                              {R"({"model":"i","prompt":["p"]})", "prompt", "invalid_type"},
                              {R"({"model":"i","prompt":""})", "prompt", "invalid_value"},
                              {R"({"model":"i","prompt":"p","stream":"true"})", "stream", "invalid_type"},
                              {R"("prompt")", "", "invalid_request_body"},
                          });
}

} // namespace
} // namespace gatehouse::gateway
