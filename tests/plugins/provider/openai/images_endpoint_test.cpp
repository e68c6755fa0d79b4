// Image generations through the openai plugin: the request, the answer, and the usage
// that prices it (count, size, quality, tokens).
#include <string>

#include "image_usage.hpp"
#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

class ImagesEndpoint : public OpenAiPluginTest {};

TEST_F(ImagesEndpoint, ForwardsAndAnswersWithTheUpstreamBody) {
  createProvider();
  const std::string answer =
      R"({"created":1713833628,"data":[{"url":"https://img/1.png","revised_prompt":"a kite"},)"
      R"({"url":"https://img/2.png"}]})";
  FakeExchange exchange = request(
      GH_ENDPOINT_IMAGES,
      R"({"model":"x","prompt":"a red kite","n":2,"size":"1024x1792","quality":"hd","style":"vivid"})");
  exchange.setUpstreamModel("dall-e-3");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, answer));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).url, "https://api.test/v1/images/generations");
  EXPECT_EQ(sent(exchange).body,
            R"({"model":"dall-e-3","prompt":"a red kite","n":2,"size":"1024x1792","quality":"hd",)"
            R"("style":"vivid"})");
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.responseBody(), answer);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->images, 2);
  EXPECT_EQ(exchange.usage()->image_width, 1024);
  EXPECT_EQ(exchange.usage()->image_height, 1792);
  EXPECT_EQ(exchange.usage()->image_quality, GH_IMAGE_QUALITY_HIGH);
  expectTidyUpstream(exchange);
}

TEST_F(ImagesEndpoint, GptImageReportsTokensAndWhatItChoseForAuto) {
  createProvider();
  const std::string answer =
      R"({"created":1,"data":[{"b64_json":"iVBORw0KGgo="}],"size":"1536x1024","quality":"high",)"
      R"("usage":{"total_tokens":4210,"input_tokens":50,"output_tokens":4160,)"
      R"("input_tokens_details":{"text_tokens":50,"image_tokens":0}}})";
  FakeExchange exchange = request(GH_ENDPOINT_IMAGES, R"({"prompt":"p","size":"auto","quality":"auto"})");
  exchange.setUpstreamModel("gpt-image-1");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, answer));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  const gh_usage& usage = *exchange.usage();
  EXPECT_EQ(usage.images, 1);
  EXPECT_EQ(usage.image_width, 1536);
  EXPECT_EQ(usage.image_height, 1024);
  EXPECT_EQ(usage.image_quality, GH_IMAGE_QUALITY_HIGH);
  EXPECT_EQ(usage.prompt_tokens, 50);
  EXPECT_EQ(usage.completion_tokens, 4160);
}

TEST_F(ImagesEndpoint, StreamedGenerationIsRelayedAndCounted) {
  createProvider();
  const std::string partial =
      R"({"type":"image_generation.partial_image","b64_json":"AAA","partial_image_index":0})";
  const std::string completed =
      R"({"type":"image_generation.completed","b64_json":"BBB","size":"1024x1024","quality":"medium",)"
      R"("usage":{"input_tokens":12,"output_tokens":272,"total_tokens":284}})";
  FakeExchange exchange =
      request(GH_ENDPOINT_IMAGES, R"({"prompt":"p","stream":true,"partial_images":1})", true);
  exchange.setUpstreamModel("gpt-image-1");
  exchange.upstream().respond(
      FakeUpstreamResponse::events(200, {FakeSseEvent{partial, "image_generation.partial_image", ""},
                                         FakeSseEvent{completed, "image_generation.completed", ""}}));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).header("Accept"), "text/event-stream");
  EXPECT_EQ(exchange.events(), (std::vector<std::string>{partial, completed}));
  const gh_usage& usage = *exchange.usage();
  EXPECT_EQ(usage.images, 1);
  EXPECT_EQ(usage.image_quality, GH_IMAGE_QUALITY_MEDIUM);
  EXPECT_EQ(usage.image_width, 1024);
  EXPECT_EQ(usage.prompt_tokens, 12);
  EXPECT_EQ(usage.completion_tokens, 272);
  expectTidyUpstream(exchange);
}

TEST_F(ImagesEndpoint, APromptThatIsNoStringNeverReachesTheUpstream) {
  createProvider();
  for (const char* body : {R"({"model":"dall-e-3"})", R"({"prompt":7})"}) {
    FakeExchange exchange = request(GH_ENDPOINT_IMAGES, body);
    EXPECT_EQ(handle(exchange), GH_ERROR_INVALID_ARGUMENT) << body;
    EXPECT_TRUE(exchange.upstream().requests().empty());
  }
}

// --- the usage rules alone ---

struct ImageCase {
  const char* model;
  const char* request;
  const char* response;
  std::int32_t width, height, quality;
};

class ImageUsageRules : public ::testing::TestWithParam<ImageCase> {};

TEST_P(ImageUsageRules, SizeAndQuality) {
  const ImageCase& c = GetParam();
  rapidjson::Document request, response;
  request.Parse(c.request);
  response.Parse(c.response);
  const gh_usage usage = imageUsage(request, response, c.model);
  EXPECT_EQ(usage.image_width, c.width);
  EXPECT_EQ(usage.image_height, c.height);
  EXPECT_EQ(usage.image_quality, c.quality);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ImageUsageRules,
    ::testing::Values(
        ImageCase{"dall-e-3", "{}", "{}", 1024, 1024, GH_IMAGE_QUALITY_LOW},
        ImageCase{"dall-e-2", R"({"size":"256x256"})", "{}", 256, 256, GH_IMAGE_QUALITY_LOW},
        ImageCase{"dall-e-3", R"({"quality":"standard"})", "{}", 1024, 1024, GH_IMAGE_QUALITY_LOW},
        ImageCase{"dall-e-3", R"({"quality":"hd","size":"1792x1024"})", "{}", 1792, 1024,
                  GH_IMAGE_QUALITY_HIGH},
        ImageCase{"gpt-image-1", "{}", "{}", 1024, 1024, GH_IMAGE_QUALITY_UNKNOWN},
        ImageCase{"gpt-image-1", R"({"size":"auto","quality":"low"})", "{}", 0, 0, GH_IMAGE_QUALITY_LOW},
        ImageCase{"gpt-image-1", R"({"quality":"medium"})", "{}", 1024, 1024, GH_IMAGE_QUALITY_MEDIUM},
        ImageCase{"gpt-image-1", R"({"size":"auto","quality":"auto"})",
                  R"({"size":"1024x1536","quality":"low"})", 1024, 1536, GH_IMAGE_QUALITY_LOW},
        ImageCase{"flux-schnell", "{}", "{}", 0, 0, GH_IMAGE_QUALITY_UNKNOWN},
        ImageCase{"sd-xl", R"({"size":"512x512"})", "{}", 512, 512, GH_IMAGE_QUALITY_UNKNOWN},
        ImageCase{"dall-e-3", R"({"size":"big"})", "{}", 0, 0, GH_IMAGE_QUALITY_LOW},
        ImageCase{"dall-e-3", R"({"size":"10x"})", "{}", 0, 0, GH_IMAGE_QUALITY_LOW}));

TEST(ImageUsageRulesParts, CountIsTheNumberOfDataEntries) {
  rapidjson::Document request, response;
  request.Parse("{}");
  response.Parse(R"({"data":[{},{},{}]})");
  EXPECT_EQ(imageUsage(request, response, "dall-e-2").images, 3);
  response.Parse(R"({"data":"nope"})");
  EXPECT_EQ(imageUsage(request, response, "dall-e-2").images, 0);
}

} // namespace
} // namespace gatehouse::plugins::openai::test
