// The model endpoints beyond chat on the real process: every hostile request gets a
// precise 4xx in the OpenAI shape, and a good request right after it still gets through.
// The mock provider serves chat only, so a good request on another route ends at the
// mock's refusal ("unsupported"): proof that it passed every check of the gateway.
#include <random>

#include "running_gateway.hpp"

namespace gatehouse::testing {
namespace {

constexpr std::string_view kBoundary = "gh-test-7f3a";
const std::string kFormType = "multipart/form-data; boundary=" + std::string(kBoundary);

std::string formField(std::string_view name, std::string_view value) {
  return "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
         "\"\r\n\r\n" + std::string(value) + "\r\n";
}

std::string audioPart(std::string_view content) {
  return "--" + std::string(kBoundary) +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech.wav\"\r\nContent-Type: "
         "audio/wav"
         "\r\n\r\n" +
         std::string(content) + "\r\n";
}

std::string closeForm() {
  return "--" + std::string(kBoundary) + "--\r\n";
}

std::string goodTranscription(std::string_view audio = "RIFF$\0\0\0WAVEfmt ") {
  return audioPart(audio) + formField("model", "mock-echo") + formField("response_format", "json") +
         closeForm();
}

struct JsonRoute {
  std::string path;
  std::string good;
  std::vector<std::pair<std::string, std::string>> bad; // body, the param the error must name
};

std::vector<JsonRoute> jsonRoutes() {
  return {
      {"/v1/embeddings",
       R"({"model":"mock-echo","input":["first text","second text"]})",
       {{R"({"input":"x"})", "model"},
        {R"({"model":"mock-echo"})", "input"},
        {R"({"model":"mock-echo","input":[]})", "input"},
        {R"({"model":"mock-echo","input":[1,"two"]})", "input[1]"},
        {R"({"model":"mock-echo","input":[[1,2],[]]})", "input[1]"}}},
      {"/v1/images/generations",
       R"({"model":"mock-echo","prompt":"a lighthouse at dusk","size":"1024x1024"})",
       {{R"({"prompt":"p"})", "model"},
        {R"({"model":"mock-echo"})", "prompt"},
        {R"({"model":"mock-echo","prompt":""})", "prompt"},
        {R"({"model":"mock-echo","prompt":"p","stream":1})", "stream"}}},
      {"/v1/audio/speech",
       R"({"model":"mock-echo","input":"Hello there.","voice":"alloy"})",
       {{R"({"input":"x","voice":"v"})", "model"},
        {R"({"model":"mock-echo","voice":"v"})", "input"},
        {R"({"model":"mock-echo","input":"x"})", "voice"},
        {R"({"model":"mock-echo","input":"x","voice":7})", "voice"}}},
  };
}

class ModelEndpoints : public RunningGateway {
protected:
  RawResponse post(const std::string& path, const std::string& contentType, const std::string& body) {
    return roundTrip(port_, buildRequest("POST", path, {{"Content-Type", contentType}}, body));
  }

  void expectReachedTheProvider(const RawResponse& response) {
    expectApiError(response, 400, "unsupported");
    EXPECT_NE(response.body.find("mock provider"), std::string::npos) << response.body;
  }

  void expectParamError(const RawResponse& response, const std::string& param) {
    EXPECT_EQ(response.status, 400) << response.body;
    const auto document = parseJson(response.body);
    ASSERT_TRUE(document.IsObject() && document.HasMember("error")) << response.body;
    ASSERT_TRUE(document["error"]["param"].IsString()) << response.body;
    EXPECT_EQ(std::string(document["error"]["param"].GetString()), param) << response.body;
    EXPECT_STREQ(document["error"]["type"].GetString(), "invalid_request_error");
  }
};

TEST_F(ModelEndpoints, JsonRoutesRefuseInvalidBodiesNamingTheParamThenServeAGoodOne) {
  for (const JsonRoute& route : jsonRoutes()) {
    for (const auto& [body, param] : route.bad) {
      SCOPED_TRACE(route.path + " " + body);
      expectParamError(postJson(route.path, body), param);
      expectReachedTheProvider(postJson(route.path, route.good));
    }
  }
  expectStillServing();
}

TEST_F(ModelEndpoints, JsonRoutesRefuseMalformedJsonThenServeAGoodOne) {
  for (const JsonRoute& route : jsonRoutes()) {
    SCOPED_TRACE(route.path);
    expectApiError(postJson(route.path, "{\"model\":"), 400, "invalid_json");
    expectApiError(postJson(route.path, std::string(10000, '[')), 400, "json_too_deep");
    expectApiError(postJson(route.path, "[\"model\"]"), 400, "invalid_request_body");
    expectReachedTheProvider(postJson(route.path, route.good));
  }
}

TEST_F(ModelEndpoints, JsonRoutesRefuseOtherContentTypesWith415) {
  for (const JsonRoute& route : jsonRoutes()) {
    SCOPED_TRACE(route.path);
    expectApiError(post(route.path, "text/plain", route.good), 415, "unsupported_media_type");
    expectApiError(post(route.path, kFormType, goodTranscription()), 415, "unsupported_media_type");
    expectReachedTheProvider(postJson(route.path, route.good));
  }
}

TEST_F(ModelEndpoints, EveryRouteRefusesABodyOverTheLimitWith413) {
  std::vector<std::pair<std::string, std::string>> routes;
  for (const JsonRoute& route : jsonRoutes())
    routes.emplace_back(route.path, "application/json");
  routes.emplace_back("/v1/audio/transcriptions", kFormType);
  for (const auto& [path, type] : routes) {
    SCOPED_TRACE(path);
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send(buildRequest(
        "POST", path,
        {{"Content-Type", type}, {"Content-Length", std::to_string(config_.maxBodyBytes + 1)}})));
    const RawResponse response = connection.readResponse();
    expectApiError(response, 413, "body_too_large");
    EXPECT_TRUE(response.closesConnection());
  }
  expectReachedTheProvider(post("/v1/audio/transcriptions", kFormType, goodTranscription()));
  expectStillServing();
}

TEST_F(ModelEndpoints, AChunkedUploadOverTheLimitIs413) {
  std::string request = buildRequest("POST", "/v1/audio/transcriptions",
                                     {{"Content-Type", kFormType}, {"Transfer-Encoding", "chunked"}});
  const std::string block(16 * 1024, 'a');
  for (std::size_t sent = 0; sent <= config_.maxBodyBytes; sent += block.size())
    request += "4000\r\n" + block + "\r\n"; // 0x4000 = 16 KiB
  request += "0\r\n\r\n";
  expectApiError(roundTrip(port_, request), 413, "body_too_large");
  expectReachedTheProvider(post("/v1/audio/transcriptions", kFormType, goodTranscription()));
}

TEST_F(ModelEndpoints, TranscriptionsRefuseOtherContentTypesWith415) {
  for (const std::string type :
       {"application/json", "application/x-www-form-urlencoded", "multipart/mixed; boundary=x"}) {
    SCOPED_TRACE(type);
    const RawResponse response = post("/v1/audio/transcriptions", type, goodTranscription());
    expectApiError(response, 415, "unsupported_media_type");
    EXPECT_NE(response.body.find("multipart/form-data"), std::string::npos);
    expectReachedTheProvider(post("/v1/audio/transcriptions", kFormType, goodTranscription()));
  }
}

TEST_F(ModelEndpoints, TranscriptionsRefuseHostileFormsThenServeAGoodOne) {
  const std::string noNamePart = "--" + std::string(kBoundary) +
                                 "\r\nContent-Disposition: form-data; filename=\"a.wav\"\r\n\r\nRIFF\r\n" +
                                 closeForm();
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      // content type, body, expected code
      {"multipart/form-data", goodTranscription(), "invalid_content_type"},
      {"multipart/form-data; boundary=", goodTranscription(), "invalid_content_type"},
      {"multipart/form-data; boundary=\"" + std::string(80, 'b') + "\"", goodTranscription(),
       "invalid_content_type"},
      {kFormType, audioPart("RIFF") + formField("model", "mock-echo"), "invalid_multipart"},
      {kFormType, noNamePart, "invalid_multipart"},
      {kFormType, "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"file\"\r\n",
       "invalid_multipart"},
      {kFormType, "no boundary anywhere in here", "invalid_multipart"},
      {kFormType, formField("model", "mock-echo") + closeForm(), "missing_required_parameter"},
      {kFormType, audioPart("RIFF") + closeForm(), "missing_required_parameter"},
      {kFormType, audioPart("RIFF") + formField("model", "bad\x01model") + closeForm(), "invalid_value"},
      {kFormType,
       audioPart("RIFF") + formField("model", "mock-echo") + formField("stream", "maybe") + closeForm(),
       "invalid_value"},
  };
  for (const auto& [type, body, code] : cases) {
    SCOPED_TRACE(type + " | " + body.substr(0, 80));
    expectApiError(post("/v1/audio/transcriptions", type, body), 400, code);
    expectReachedTheProvider(post("/v1/audio/transcriptions", kFormType, goodTranscription()));
  }
  expectStillServing();
}

TEST_F(ModelEndpoints, TranscriptionsSurviveRandomBinaryBodies) {
  std::mt19937 random(11);
  for (int round = 0; round < 20; ++round) {
    std::string body(static_cast<std::size_t>(random() % 4096), '\0');
    for (char& c : body)
      c = static_cast<char>(random());
    if (round % 2 == 0)
      body = "--" + std::string(kBoundary) + "\r\n" + body;
    const RawResponse response = post("/v1/audio/transcriptions", kFormType, body);
    EXPECT_EQ(response.status, 400) << response.body;
  }
  expectReachedTheProvider(post("/v1/audio/transcriptions", kFormType, goodTranscription()));
}

TEST_F(ModelEndpoints, UnknownModelsAre404OnEveryRoute) {
  for (const JsonRoute& route : jsonRoutes()) {
    std::string body = route.good;
    body.replace(body.find("mock-echo"), 9, "no-such-model");
    expectApiError(postJson(route.path, body), 404, "model_not_found");
  }
  const std::string body = audioPart("RIFF") + formField("model", "no-such-model") + closeForm();
  expectApiError(post("/v1/audio/transcriptions", kFormType, body), 404, "model_not_found");
  expectStillServing();
}

class LargeUploads : public ModelEndpoints {
protected:
  LargeUploads() { config_.maxBodyBytes = 4 * 1024 * 1024; }
};

TEST_F(LargeUploads, AnAudioFileOfMegabytesWithBoundaryLookalikesReachesTheProvider) {
  std::mt19937 random(3);
  std::string audio(3 * 1024 * 1024, '\0');
  for (char& c : audio)
    c = static_cast<char>(random());
  // Lines that begin like the boundary but are not one must stay audio.
  audio.insert(1000, "\r\n--" + std::string(kBoundary) + "X\r\n");
  audio.insert(5000, "\r\n--" + std::string(kBoundary) + "-");
  expectReachedTheProvider(post("/v1/audio/transcriptions", kFormType, goodTranscription(audio)));
  expectStillServing();
}

// --- a provider that lists its upstream's models -----------------------------------------

class ListingProvider : public RunningGateway {
protected:
  ListingProvider() { config_.providerExtra = R"(, "list_upstream_models": true)"; }
};

TEST_F(ListingProvider, ModelsFallsBackToTheConfiguredListWhenTheProviderCannotListAndSaysWhy) {
  const RawResponse response = get("/v1/models");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto document = parseJson(response.body);
  ASSERT_EQ(document["data"].Size(), 2u) << response.body;
  EXPECT_STREQ(document["data"][0]["id"].GetString(), "mock-echo");
  EXPECT_TRUE(gateway_->waitForOutput("could not list the upstream models of provider 'mock'",
                                      std::chrono::seconds(5)))
      << gateway_->output();
}

TEST_F(ListingProvider, AnyProviderQualifiedIdRoutesToItWithTheIdAsUpstreamModel) {
  const RawResponse response = postJson("/v1/chat/completions", chatBody("mock/some-upstream-model"));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_STREQ(parseJson(response.body)["model"].GetString(), "mock/some-upstream-model");
  expectApiError(postJson("/v1/chat/completions", chatBody("other/some-upstream-model")), 404,
                 "model_not_found");
}

// --- upstream settings a client cannot be built from ---------------------------------------

TEST(UpstreamStartup, AnUnusableUpstreamConfigExitsOneNamingTheProvider) {
  TestConfig config;
  config.providerExtra = R"(, "upstream": {"proxy": "http://127.0.0.1:3128", "proxy_user": "gw",
                              "proxy_password": "env:GATEHOUSE_TEST_DEFINITELY_UNSET_PASSWORD"})";
  GatewayProcess gateway(config.json(), GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(std::chrono::seconds(10)), 1) << gateway.output();
  const auto lines = gateway.stderrLines();
  ASSERT_FALSE(lines.empty()) << gateway.output();
  const std::string& line = lines.back();
  EXPECT_EQ(line.rfind("gatehouse: ", 0), 0u) << line;
  EXPECT_NE(line.find("mock"), std::string::npos) << line;
  EXPECT_NE(line.find("proxy_password"), std::string::npos) << line;
}

} // namespace
} // namespace gatehouse::testing
