// Malformed and hostile clients: each gets a precise 4xx (or is dropped) and the
// gateway goes on serving the next request.
#include <random>

#include "running_gateway.hpp"

namespace gatehouse::testing {
namespace {

class HostileInput : public RunningGateway {
protected:
  HostileInput() { config_.maxBodyBytes = 4 * 1024 * 1024; }
};

TEST_F(HostileInput, BinaryGarbageIs400) {
  std::mt19937 random(42);
  std::string garbage(4096, '\0');
  for (char& c : garbage)
    c = static_cast<char>(random());
  RawConnection connection(port_);
  connection.send(garbage);
  connection.shutdownSend();
  try {
    const RawResponse response = connection.readResponse();
    EXPECT_GE(response.status, 400);
    EXPECT_LT(response.status, 500);
    EXPECT_FALSE(response.header("x-request-id").empty());
  } catch (const std::runtime_error&) {
    // Dropping a connection that never formed a request is an acceptable answer too.
  }
  expectStillServing();
}

TEST_F(HostileInput, GarbageRequestLineIs400InTheOpenAiShape) {
  // What a TLS client hello looks like to a plain-HTTP server: no request line at all.
  std::string hello = "\x16\x03\x01\x02";
  hello.push_back('\0');
  hello += std::string(60, '\x01') + "\r\n\r\n";
  expectApiError(roundTrip(port_, hello), 400, "malformed_request");
  expectStillServing();
}

TEST_F(HostileInput, HugeHeaderIs431) {
  expectApiError(
      roundTrip(port_, buildRequest("GET", "/healthz", {{"X-Padding", std::string(64 * 1024, 'a')}})), 431,
      "header_too_large");
  expectStillServing();
}

TEST_F(HostileInput, TooManyHeadersAreRefused) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (int i = 0; i < 500; ++i)
    headers.emplace_back("X-H" + std::to_string(i), "v");
  expectApiError(roundTrip(port_, buildRequest("GET", "/healthz", headers)), 431, "header_too_large");
  expectStillServing();
}

TEST_F(HostileInput, DeeplyNestedJsonIs400WithoutCrashing) {
  const std::string body = R"({"model":"mock-echo","messages":[{"role":"user","content":"x"}],"n":)" +
                           std::string(100000, '[') + std::string(100000, ']') + "}";
  expectApiError(postJson("/v1/chat/completions", body), 400, "json_too_deep");
  const std::string unclosed = std::string(100000, '[');
  expectApiError(postJson("/v1/chat/completions", unclosed), 400, "json_too_deep");
  const std::string objects = [] {
    std::string text;
    for (int i = 0; i < 100000; ++i)
      text += R"({"a":)";
    return text;
  }();
  expectApiError(postJson("/v1/chat/completions", objects), 400, "json_too_deep");
  expectStillServing();
}

TEST_F(HostileInput, TruncatedBodyIs400) {
  RawConnection connection(port_);
  const std::string body = chatBody();
  ASSERT_TRUE(connection.send(buildRequest(
      "POST", "/v1/chat/completions",
      {{"Content-Type", "application/json"}, {"Content-Length", std::to_string(body.size() + 100)}}, body)));
  connection.shutdownSend();
  expectApiError(connection.readResponse(), 400, "incomplete_body");
  expectStillServing();
}

TEST_F(HostileInput, HalfARequestThenDisconnectingLeavesTheServerServing) {
  for (int i = 0; i < 20; ++i) {
    RawConnection connection(port_);
    connection.send(i % 2 == 0
                        ? std::string("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-")
                        : buildRequest("POST", "/v1/chat/completions",
                                       {{"Content-Type", "application/json"}, {"Content-Length", "500"}},
                                       R"({"model":"mock-)"));
  }
  expectStillServing();
}

TEST_F(HostileInput, ClientVanishingMidStreamLeavesTheServerServing) {
  {
    RawConnection connection(port_);
    ASSERT_TRUE(
        connection.send(buildRequest("POST", "/v1/chat/completions", {{"Content-Type", "application/json"}},
                                     chatBody("mock-echo", R"(,"stream":true)"))));
    connection.readHead();
  }
  expectStillServing();
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HostileInput, InvalidUtf8AndControlCharactersAreHandled) {
  expectApiError(
      postJson("/v1/chat/completions", "{\"model\":\"\xff\xfe\",\"messages\":[{\"role\":\"user\"}]}"), 400,
      "invalid_json");
  const RawResponse response = get("/v1/\x01\x7f%00path");
  expectApiError(response, 404, "unknown_route");
  expectStillServing();
}

TEST_F(HostileInput, WrongTypesEverywhereAre400) {
  for (const std::string body : {"[]", "null", "42", "\"text\"", R"({"model":["x"],"messages":[]})",
                                 R"({"model":"mock-echo","messages":{"role":"user"}})",
                                 R"({"model":"mock-echo","messages":[null]})"}) {
    const RawResponse response = postJson("/v1/chat/completions", body);
    EXPECT_EQ(response.status, 400) << body << " -> " << response.body;
  }
  expectStillServing();
}

} // namespace
} // namespace gatehouse::testing
