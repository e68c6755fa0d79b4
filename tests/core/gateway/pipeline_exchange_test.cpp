#include <gatehouse/gateway/pipeline_exchange.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <gatehouse_test/fake_response_sink.hpp>
#include <memory>
#include <vector>

#include "fake_provider.hpp"
#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

ModelRequest streamingChat() {
  ModelRequest request;
  request.endpoint = GH_ENDPOINT_CHAT_COMPLETIONS;
  request.model = "public-model";
  request.stream = true;
  return request;
}

class PipelineExchangeTest : public ::testing::Test {
protected:
  testing::FakeClientRequest client_;
  http::IncomingRequest request_{client_, R"({"model":"m"})", "req-1", 1700000000000};
  ModelRequest modelRequest_ = streamingChat();
  std::shared_ptr<testing::FakeUpstreamClient> upstream_ = std::make_shared<testing::FakeUpstreamClient>();
  std::shared_ptr<testing::FakeProvider> provider_ =
      std::make_shared<testing::FakeProvider>("p", nullptr, upstream_);
  ModelRoute route_{"canonical", "upstream-x", provider_.get()};
  testing::FakeResponseSink sink_;
  PipelineExchange exchange_{request_, modelRequest_, route_, sink_};
};

TEST_F(PipelineExchangeTest, DescribesTheRequest) {
  EXPECT_EQ(exchange_.endpoint(), GH_ENDPOINT_CHAT_COMPLETIONS);
  EXPECT_EQ(exchange_.requestBody(), R"({"model":"m"})");
  EXPECT_EQ(exchange_.model(), "public-model");
  EXPECT_EQ(exchange_.upstreamModel(), "upstream-x");
  EXPECT_TRUE(exchange_.wantsStream());
  EXPECT_EQ(exchange_.requestId(), "req-1");
}

TEST_F(PipelineExchangeTest, TheEndpointIsTheOneTheRequestCameInOn) {
  modelRequest_.endpoint = GH_ENDPOINT_AUDIO_SPEECH;
  EXPECT_EQ(exchange_.endpoint(), GH_ENDPOINT_AUDIO_SPEECH);
}

TEST_F(PipelineExchangeTest, RequestHeadersAreVisibleButCredentialsReadAsAbsent) {
  client_.headers = {{"Content-Type", "application/json"},
                     {"OpenAI-Beta", "assistants=v2"},
                     {"Authorization", "Bearer sk-client"},
                     {"Proxy-Authorization", "Basic eA=="},
                     {"Cookie", "session=1"},
                     {"X-Api-Key", "k1"},
                     {"x-goog-api-key", "k2"},
                     {"api-key", "k3"}};
  EXPECT_EQ(exchange_.requestHeader("content-type"), "application/json");
  EXPECT_EQ(exchange_.requestHeader("openai-beta"), "assistants=v2");
  for (const std::string_view name : {"Authorization", "authorization", "Proxy-Authorization", "cookie",
                                      "x-api-key", "X-GOOG-API-KEY", "Api-Key"}) {
    EXPECT_EQ(exchange_.requestHeader(name), "") << name;
  }
  EXPECT_EQ(exchange_.requestHeader("x-absent"), "");
}

TEST_F(PipelineExchangeTest, FormFieldsAreViewsIntoTheMultipartBody) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFF\r\n--b--\r\n";
  auto parsed = MultipartForm::parse("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(std::holds_alternative<MultipartForm>(parsed));
  modelRequest_.form = std::get<MultipartForm>(std::move(parsed));
  request_.body = body;
  const std::string_view model = exchange_.formField("model");
  EXPECT_EQ(model, "whisper-1");
  EXPECT_GE(model.data(), exchange_.requestBody().data());
  EXPECT_LE(model.data() + model.size(), exchange_.requestBody().data() + exchange_.requestBody().size());
  EXPECT_EQ(exchange_.formField("file"), "RIFF");
  EXPECT_EQ(exchange_.formField("absent"), "");
}

TEST_F(PipelineExchangeTest, AJsonRequestHasNoFormFields) {
  EXPECT_EQ(exchange_.formField("model"), "");
}

TEST_F(PipelineExchangeTest, RespondSendsOnceAndOnlyOnce) {
  EXPECT_EQ(exchange_.respond(201, "application/json", "{}"), GH_OK);
  EXPECT_EQ(sink_.status, 201);
  EXPECT_EQ(sink_.body, "{}");
  EXPECT_EQ(exchange_.state(), PipelineExchange::State::Responded);
  EXPECT_FALSE(exchange_.streamed());
  EXPECT_EQ(exchange_.httpStatus(), 201);
  EXPECT_EQ(exchange_.respond(200, "application/json", "again"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamEvent("{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamBegin(200, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamWrite("x"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(sink_.body, "{}");
}

TEST_F(PipelineExchangeTest, RespondRefusesAnImpossibleStatus) {
  EXPECT_EQ(exchange_.respond(99, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.respond(600, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(sink_.started());
}

TEST_F(PipelineExchangeTest, RespondDefaultsTheContentTypeToJson) {
  EXPECT_EQ(exchange_.respond(200, "", "{}"), GH_OK);
  EXPECT_EQ(sink_.contentType, "application/json");
}

TEST_F(PipelineExchangeTest, StreamEventsAreFramedAfterOneStreamStart) {
  EXPECT_EQ(exchange_.streamEvent(R"({"n":1})"), GH_OK);
  EXPECT_EQ(exchange_.streamEvent("{\n\"n\":2}"), GH_OK);
  EXPECT_EQ(sink_.beginCalls, 1);
  EXPECT_EQ(sink_.contentType, "text/event-stream");
  EXPECT_EQ(sink_.headers["Cache-Control"], "no-cache");
  EXPECT_EQ(sink_.streamText(), "data: {\"n\":1}\n\ndata: {\ndata: \"n\":2}\n\n");
  EXPECT_EQ(exchange_.state(), PipelineExchange::State::Streaming);
  EXPECT_TRUE(exchange_.streamed());
  EXPECT_EQ(exchange_.respond(200, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamBegin(200, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamWrite("raw"), GH_ERROR_INVALID_ARGUMENT);
}

TEST_F(PipelineExchangeTest, AFailedWriteMeansCancelledFromThenOn) {
  sink_.failAfterWrites = 1;
  EXPECT_EQ(exchange_.streamEvent("a"), GH_OK);
  EXPECT_EQ(exchange_.streamEvent("b"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange_.clientGone());
  EXPECT_EQ(exchange_.streamEvent("c"), GH_ERROR_CANCELLED);
  EXPECT_EQ(sink_.written.size(), 1u);
}

TEST_F(PipelineExchangeTest, AClientGoneBeforeTheStreamStartsIsCancelled) {
  sink_.failBegin = true;
  EXPECT_EQ(exchange_.streamEvent("a"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange_.clientGone());
}

TEST_F(PipelineExchangeTest, RawStreamBeginsWithAnyStatusAndTypeThenWritesBytesAsGiven) {
  EXPECT_EQ(exchange_.streamBegin(201, "audio/mpeg"), GH_OK);
  EXPECT_EQ(exchange_.streamWrite(std::string_view("ID3\0\x01", 5)), GH_OK);
  EXPECT_EQ(exchange_.streamWrite("data: not framed\n"), GH_OK);
  EXPECT_EQ(sink_.status, 201);
  EXPECT_EQ(sink_.contentType, "audio/mpeg");
  EXPECT_EQ(sink_.headers.count("Cache-Control"), 0u);
  EXPECT_EQ(sink_.streamText(), std::string("ID3\0\x01", 5) + "data: not framed\n");
  EXPECT_EQ(exchange_.state(), PipelineExchange::State::RawStreaming);
  EXPECT_TRUE(exchange_.streamed());
  EXPECT_EQ(exchange_.httpStatus(), 201);
  EXPECT_FALSE(sink_.aborted);
}

TEST_F(PipelineExchangeTest, RawStreamIsNotCombinableWithTheOtherAnswers) {
  EXPECT_EQ(exchange_.streamBegin(200, "audio/wav"), GH_OK);
  EXPECT_EQ(exchange_.streamBegin(200, "audio/wav"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.respond(200, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamEvent("{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(sink_.beginCalls, 1);
}

TEST_F(PipelineExchangeTest, RawStreamWriteBeforeBeginIsRefused) {
  EXPECT_EQ(exchange_.streamWrite("x"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(sink_.started());
}

TEST_F(PipelineExchangeTest, RawStreamRefusesAnImpossibleStatusAndDefaultsTheType) {
  EXPECT_EQ(exchange_.streamBegin(100, "audio/wav"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamBegin(600, "audio/wav"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(sink_.started());
  EXPECT_EQ(exchange_.streamBegin(200, ""), GH_OK);
  EXPECT_EQ(sink_.contentType, "application/octet-stream");
}

TEST_F(PipelineExchangeTest, RawStreamReportsTheClientGoing) {
  sink_.failAfterWrites = 1;
  EXPECT_EQ(exchange_.streamBegin(200, "audio/mpeg"), GH_OK);
  EXPECT_EQ(exchange_.streamWrite("a"), GH_OK);
  EXPECT_EQ(exchange_.streamWrite("b"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange_.clientGone());
  EXPECT_EQ(exchange_.streamWrite("c"), GH_ERROR_CANCELLED);
}

TEST_F(PipelineExchangeTest, RawStreamBeginToAGoneClientIsCancelled) {
  sink_.failBegin = true;
  EXPECT_EQ(exchange_.streamBegin(200, "audio/mpeg"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange_.clientGone());
}

TEST_F(PipelineExchangeTest, SendUpstreamGoesThroughTheProvidersClient) {
  upstream_->responseStatus = 201;
  UpstreamRequest request{
      "POST", "https://api.example/v1/x", {{"Authorization", "Bearer sk-up"}}, {"ab", "cd"}};
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(exchange_.sendUpstream(request, response, failure), GH_OK);
  ASSERT_NE(response, nullptr);
  EXPECT_EQ(response->status(), 201);
  ASSERT_EQ(upstream_->sentRequests.size(), 1u);
  EXPECT_EQ(upstream_->sentRequests[0].method, "POST");
  EXPECT_EQ(upstream_->sentRequests[0].url, "https://api.example/v1/x");
  EXPECT_EQ(upstream_->sentRequests[0].body, "abcd");
}

TEST_F(PipelineExchangeTest, WithoutACredentialPoolTheCredentialIsEmpty) {
  EXPECT_EQ(exchange_.credential(), "");
}

TEST_F(PipelineExchangeTest, TheCredentialComesFromTheProvidersPoolAndARateLimitRestsIt) {
  provider_->setCredentials(std::make_unique<CredentialPool>(
      "p", std::vector<CredentialPool::Credential>{{"a", "sk-a", 1}, {"b", "sk-b", 1}}));
  PipelineExchange first(request_, modelRequest_, route_, sink_);
  EXPECT_EQ(first.credential(), "sk-a");
  upstream_->responseStatus = 429;
  upstream_->responseHeaders = {{"retry-after", "120"}};
  UpstreamRequest request{"POST", "https://api.example/v1/x", {}, {}};
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  ASSERT_EQ(first.sendUpstream(request, response, failure), GH_OK);
  EXPECT_EQ(response->status(), 429) << "the plugin still sees the upstream's answer";
  // "a" rests: the next exchanges all get "b", though the round robin would give "a" again.
  for (int i = 0; i < 4; ++i) {
    PipelineExchange next(request_, modelRequest_, route_, sink_);
    EXPECT_EQ(next.credential(), "sk-b") << i;
  }
}

TEST_F(PipelineExchangeTest, SendUpstreamPassesOnTheClientsFailure) {
  upstream_->failWith = GH_ERROR_UPSTREAM_TIMEOUT;
  upstream_->failMessage = "no response from api.example:443 within 10 ms";
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(exchange_.sendUpstream(UpstreamRequest{"GET", "https://api.example/", {}, {}}, response, failure),
            GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(response, nullptr);
  EXPECT_EQ(failure.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(failure.message, "no response from api.example:443 within 10 ms");
}

TEST_F(PipelineExchangeTest, SendUpstreamWithoutAClientIsUnsupported) {
  provider_->setUpstream(nullptr);
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(exchange_.sendUpstream(UpstreamRequest{"GET", "https://x/", {}, {}}, response, failure),
            GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(failure.status, GH_ERROR_UNSUPPORTED);
  EXPECT_NE(failure.message.find("'p'"), std::string::npos) << failure.message;
}

TEST_F(PipelineExchangeTest, SendUpstreamAfterTheClientWentAwayIsCancelled) {
  sink_.failBegin = true;
  exchange_.streamEvent("x");
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(exchange_.sendUpstream(UpstreamRequest{"GET", "https://x/", {}, {}}, response, failure),
            GH_ERROR_CANCELLED);
  EXPECT_TRUE(upstream_->sentRequests.empty());
}

TEST_F(PipelineExchangeTest, KeepsTheLastUsageReport) {
  gh_usage first{};
  first.struct_size = sizeof(gh_usage);
  first.prompt_tokens = 1;
  gh_usage second{};
  second.struct_size = sizeof(gh_usage);
  second.prompt_tokens = 10;
  second.completion_tokens = 20;
  second.cached_prompt_tokens = 3;
  second.reasoning_tokens = 4;
  second.images = 2;
  second.image_width = 1024;
  second.image_height = 1536;
  second.image_quality = GH_IMAGE_QUALITY_HIGH;
  EXPECT_EQ(exchange_.reportUsage(first), GH_OK);
  EXPECT_EQ(exchange_.reportUsage(second), GH_OK);
  EXPECT_EQ(exchange_.usage().prompt_tokens, 10);
  EXPECT_EQ(exchange_.usage().completion_tokens, 20);
  EXPECT_EQ(exchange_.usage().cached_prompt_tokens, 3);
  EXPECT_EQ(exchange_.usage().reasoning_tokens, 4);
  EXPECT_EQ(exchange_.usage().images, 2);
  EXPECT_EQ(exchange_.usage().image_width, 1024);
  EXPECT_EQ(exchange_.usage().image_height, 1536);
  EXPECT_EQ(exchange_.usage().image_quality, GH_IMAGE_QUALITY_HIGH);
}

TEST_F(PipelineExchangeTest, ReadsAnOlderSmallerUsageStructOnlyAsFarAsItGoes) {
  gh_usage older{};
  older.struct_size = static_cast<uint32_t>(offsetof(gh_usage, cached_prompt_tokens));
  older.prompt_tokens = 5;
  older.completion_tokens = 6;
  older.cached_prompt_tokens = 99; // beyond the older struct: must not be read
  EXPECT_EQ(exchange_.reportUsage(older), GH_OK);
  EXPECT_EQ(exchange_.usage().prompt_tokens, 5);
  EXPECT_EQ(exchange_.usage().completion_tokens, 6);
  EXPECT_EQ(exchange_.usage().cached_prompt_tokens, 0);
  EXPECT_EQ(exchange_.usage().struct_size, sizeof(gh_usage));
}

TEST_F(PipelineExchangeTest, RefusesAUsageStructTooSmallToHoldTheCounts) {
  gh_usage tiny{};
  tiny.struct_size = 8;
  tiny.prompt_tokens = 5;
  EXPECT_EQ(exchange_.reportUsage(tiny), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.usage().prompt_tokens, 0);
}

} // namespace
} // namespace gatehouse::gateway
