// The HTTP server end to end over loopback, with a router of test handlers: routing
// errors, limits, request ids, keep-alive, hostile input and graceful shutdown.
#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/server.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <atomic>
#include <gatehouse_test/raw_http_client.hpp>
#include <stdexcept>
#include <thread>

namespace gatehouse::http {
namespace {

using testing::buildRequest;
using testing::RawConnection;
using testing::RawResponse;
using testing::roundTrip;

constexpr std::size_t kLimit = 1024;

rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  return document;
}

// Asserts `response` carries an OpenAI-shaped error with this status and code.
void expectError(const RawResponse& response, int status, const std::string& code) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.header("content-type"), "application/json");
  EXPECT_FALSE(response.header("x-request-id").empty());
  const auto document = parseJson(response.body);
  ASSERT_TRUE(document.IsObject()) << response.body;
  ASSERT_TRUE(document.HasMember("error")) << response.body;
  const auto& error = document["error"];
  ASSERT_TRUE(error.IsObject());
  EXPECT_TRUE(error["message"].IsString());
  EXPECT_TRUE(error["type"].IsString());
  EXPECT_TRUE(error.HasMember("param"));
  ASSERT_TRUE(error["code"].IsString()) << response.body;
  EXPECT_EQ(std::string(error["code"].GetString()), code);
}

class ServerTest : public ::testing::Test {
protected:
  void SetUp() override {
    Router router;
    router.add({"GET", "/ping", BodyPolicy::None, [](IncomingRequest& request, ResponseSink& response) {
                  response.send(200, "text/plain", "pong " + std::string(request.client.path()));
                }});
    router.add({"POST", "/echo", BodyPolicy::Json, [this](IncomingRequest& request, ResponseSink& response) {
                  lastRequestId_ = std::string(request.requestId);
                  response.send(200, "application/json", request.body);
                }});
    router.add({"PUT", "/echo", BodyPolicy::Json,
                [](IncomingRequest&, ResponseSink& response) { response.send(204, "text/plain", ""); }});
    router.add({"GET", "/whoami", BodyPolicy::None, [](IncomingRequest& request, ResponseSink& response) {
                  const ClientRequest& client = request.client;
                  response.send(200, "text/plain",
                                std::string(client.method()) + "|" + std::string(client.path()) + "|" +
                                    std::string(client.clientAddress()) + "|" +
                                    std::string(client.header("x-custom")) + "|" +
                                    std::string(client.header("x-absent")));
                }});
    router.add({"PATCH", "/things/{id}", BodyPolicy::Json, [](IncomingRequest& request, ResponseSink& response) {
                  response.send(200, "text/plain",
                                "patched " + std::string(request.pathParam("id")) + " " + std::string(request.body) +
                                    " ?" + std::string(request.client.query()));
                }});
    router.add({"DELETE", "/things/{id}", BodyPolicy::None, [](IncomingRequest& request, ResponseSink& response) {
                  response.addHeader("Set-Cookie", "a=1; Path=/");
                  response.addHeader("Set-Cookie", "b=2; Path=/");
                  response.send(200, "text/plain", "deleted " + std::string(request.pathParam("id")));
                }});
    router.add({"GET", "/throw", BodyPolicy::None, [](IncomingRequest&, ResponseSink&) {
                  throw std::runtime_error("secret detail sk-live-123");
                }});
    router.add({"GET", "/stream-then-throw", BodyPolicy::None, [](IncomingRequest&, ResponseSink& response) {
                  response.beginEventStream();
                  response.writeEvent("data: {\"n\":0}\n\n");
                  throw std::logic_error("broken invariant");
                }});
    router.add({"GET", "/silent", BodyPolicy::None, [](IncomingRequest&, ResponseSink&) {}});
    router.add({"POST", "/form", BodyPolicy::Multipart, [](IncomingRequest& request, ResponseSink& response) {
                  response.send(200, "text/plain",
                                std::string(request.client.header("content-type")) + "|" +
                                    std::string(request.body));
                }});
    router.add({"GET", "/raw", BodyPolicy::None, [](IncomingRequest&, ResponseSink& response) {
                  if (!response.beginStream(201, "audio/mpeg"))
                    return;
                  response.writeBody("ID3");
                  response.writeBody("");
                  response.writeBody(std::string("\0frames", 7));
                }});
    router.add({"GET", "/raw-cut", BodyPolicy::None, [](IncomingRequest&, ResponseSink& response) {
                  response.beginStream(200, "audio/mpeg");
                  response.writeBody("partial audio");
                  response.abort();
                  EXPECT_FALSE(response.writeBody("after the cut"));
                }});
    router.add({"GET", "/raw-then-throw", BodyPolicy::None, [](IncomingRequest&, ResponseSink& response) {
                  response.beginStream(200, "audio/wav");
                  response.writeBody("RIFF");
                  throw std::runtime_error("decoder bug");
                }});
    router.add({"GET", "/slow", BodyPolicy::None, [this](IncomingRequest&, ResponseSink& response) {
                  slowStarted_ = true;
                  while (!releaseSlow_)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                  response.send(200, "text/plain", "slow done");
                }});
    router.add({"GET", "/stream", BodyPolicy::None, [this](IncomingRequest&, ResponseSink& response) {
                  if (!response.beginEventStream())
                    return;
                  for (int i = 0; i < 2000; ++i) {
                    if (!response.writeEvent("data: {\"n\":" + std::to_string(i) + "}\n\n")) {
                      streamSawClientGone_ = true;
                      return;
                    }
                    if (i >= 2) {
                      streamStarted_ = true;
                      std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    }
                    if (i == 2 && !streamForever_)
                      return;
                  }
                }});
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.queueSize = 16;
    options.maxBodyBytes = kLimit;
    options.keepAliveTimeoutSeconds = 5;
    options.receiveTimeoutSeconds = 5;
    server_ = std::make_unique<Server>(options, std::move(router));
    server_->start();
    port_ = server_->port();
  }

  void TearDown() override {
    releaseSlow_ = true;
    server_.reset();
  }

  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::string lastRequestId_;
  std::atomic<bool> slowStarted_{false};
  std::atomic<bool> releaseSlow_{false};
  std::atomic<bool> streamStarted_{false};
  std::atomic<bool> streamForever_{false};
  std::atomic<bool> streamSawClientGone_{false};
};

TEST_F(ServerTest, BindsAFreePortWhenAskedForPortZero) {
  EXPECT_NE(port_, 0);
}

TEST_F(ServerTest, ServesARouteAndGeneratesARequestId) {
  const RawResponse response = roundTrip(port_, buildRequest("GET", "/ping?x=1"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "pong /ping");
  EXPECT_EQ(response.header("x-request-id").size(), 32u);
}

TEST_F(ServerTest, HandlersSeeTheClientRequest) {
  const RawResponse response =
      roundTrip(port_, buildRequest("GET", "/whoami?q=1", {{"X-CUSTOM", "value 1"}}));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "GET|/whoami|127.0.0.1|value 1|");
}

TEST_F(ServerTest, EchoesAnAcceptableClientRequestIdAndReplacesABadOne) {
  const RawResponse kept = roundTrip(port_, buildRequest("GET", "/ping", {{"X-Request-Id", "client-7"}}));
  EXPECT_EQ(kept.header("x-request-id"), "client-7");
  const RawResponse replaced =
      roundTrip(port_, buildRequest("GET", "/ping", {{"X-Request-Id", std::string(129, 'a')}}));
  EXPECT_EQ(replaced.header("x-request-id").size(), 32u);
}

TEST_F(ServerTest, UnknownRouteIs404InTheOpenAiShape) {
  const RawResponse response = roundTrip(port_, buildRequest("GET", "/nope", {{"X-Request-Id", "id-404"}}));
  expectError(response, 404, "unknown_route");
  EXPECT_EQ(response.header("x-request-id"), "id-404");
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  const RawResponse response = roundTrip(port_, buildRequest("DELETE", "/echo"));
  expectError(response, 405, "method_not_allowed");
  EXPECT_EQ(response.header("allow"), "POST, PUT");
}

TEST_F(ServerTest, PatchAndDeleteReachPatternRoutesWithPathAndQuery) {
  const RawResponse patched = roundTrip(
      port_, buildRequest("PATCH", "/things/k%201?owner=u1&limit=5", {{"Content-Type", "application/json"}},
                          "{\"name\":\"x\"}"));
  EXPECT_EQ(patched.status, 200);
  EXPECT_EQ(patched.body, "patched k 1 {\"name\":\"x\"} ?owner=u1&limit=5");
  const RawResponse deleted = roundTrip(port_, buildRequest("DELETE", "/things/k2"));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.body, "deleted k2");
}

TEST_F(ServerTest, AddedHeadersAreSentEachTime) {
  const RawResponse response = roundTrip(port_, buildRequest("DELETE", "/things/k3"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headerValues("set-cookie"), (std::vector<std::string>{"a=1; Path=/", "b=2; Path=/"}));
}

TEST_F(ServerTest, WrongMethodOnAPatternRouteIs405) {
  const RawResponse response = roundTrip(port_, buildRequest("GET", "/things/k1"));
  expectError(response, 405, "method_not_allowed");
  EXPECT_EQ(response.header("allow"), "PATCH, DELETE");
}

TEST_F(ServerTest, PassesTheBodyAndRequestIdToTheHandler) {
  const RawResponse response = roundTrip(
      port_, buildRequest("POST", "/echo", {{"Content-Type", "application/json"}, {"x-request-id", "r1"}},
                          "{\"a\":1}"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{\"a\":1}");
  EXPECT_EQ(lastRequestId_, "r1");
}

TEST_F(ServerTest, BodyExactlyAtTheLimitIsAccepted) {
  const std::string body(kLimit, ' ');
  const RawResponse response =
      roundTrip(port_, buildRequest("POST", "/echo", {{"Content-Type", "application/json"}}, body));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.size(), kLimit);
}

TEST_F(ServerTest, OversizedContentLengthIs413WithoutReadingTheBody) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(
      buildRequest("POST", "/echo",
                   {{"Content-Type", "application/json"}, {"Content-Length", std::to_string(kLimit + 1)}})));
  const RawResponse response = connection.readResponse();
  expectError(response, 413, "body_too_large");
  EXPECT_TRUE(response.closesConnection());
  EXPECT_TRUE(connection.waitForClose());
}

TEST_F(ServerTest, OversizedChunkedBodyIs413) {
  RawConnection connection(port_);
  std::string request =
      buildRequest("POST", "/echo", {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}});
  const std::string chunk(600, 'x');
  for (int i = 0; i < 3; ++i)
    request += "258\r\n" + chunk + "\r\n"; // 0x258 = 600
  request += "0\r\n\r\n";
  ASSERT_TRUE(connection.send(request));
  expectError(connection.readResponse(), 413, "body_too_large");
}

TEST_F(ServerTest, SmallChunkedBodyIsRead) {
  std::string request =
      buildRequest("POST", "/echo", {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}});
  request += "3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n";
  const RawResponse response = roundTrip(port_, request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{\"a\":1}");
}

TEST_F(ServerTest, WrongOrMissingContentTypeIs415) {
  expectError(roundTrip(port_, buildRequest("POST", "/echo", {{"Content-Type", "text/plain"}}, "{}")), 415,
              "unsupported_media_type");
  expectError(roundTrip(port_, buildRequest("POST", "/echo", {}, "{}")), 415, "unsupported_media_type");
}

TEST_F(ServerTest, TruncatedBodyIs400) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest(
      "POST", "/echo", {{"Content-Type", "application/json"}, {"Content-Length", "100"}}, "{\"a\":")));
  connection.shutdownSend();
  expectError(connection.readResponse(), 400, "incomplete_body");
}

TEST_F(ServerTest, NegativeContentLengthIs400) {
  expectError(
      roundTrip(port_, buildRequest("POST", "/echo",
                                    {{"Content-Type", "application/json"}, {"Content-Length", "-5"}})),
      400, "malformed_request");
}

TEST_F(ServerTest, NonNumericContentLengthIs400) {
  expectError(
      roundTrip(port_, buildRequest("POST", "/echo",
                                    {{"Content-Type", "application/json"}, {"Content-Length", "ten"}})),
      400, "malformed_request");
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutItsDetail) {
  const RawResponse response =
      roundTrip(port_, buildRequest("GET", "/throw", {{"X-Request-Id", "trace-me"}}));
  expectError(response, 500, "internal_error");
  EXPECT_EQ(response.body.find("sk-live"), std::string::npos);
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_NE(response.body.find("trace-me"), std::string::npos);
}

TEST_F(ServerTest, HandlerExceptionMidStreamEndsTheStreamWithAnErrorEvent) {
  const RawResponse response = roundTrip(port_, buildRequest("GET", "/stream-then-throw"));
  EXPECT_EQ(response.status, 200);
  const auto events = testing::sseData(response.body);
  ASSERT_EQ(events.size(), 2u) << response.body;
  EXPECT_EQ(events[0], "{\"n\":0}");
  EXPECT_NE(events[1].find("\"code\":\"internal_error\""), std::string::npos) << events[1];
  EXPECT_EQ(events[1].find("broken invariant"), std::string::npos);
}

TEST_F(ServerTest, HandlerThatSendsNothingStillAnswers500) {
  expectError(roundTrip(port_, buildRequest("GET", "/silent")), 500, "internal_error");
}

TEST_F(ServerTest, GarbageIs400AndTheServerGoesOnServing) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(std::string("\x01\x02\xff\xfe garbage\r\nno-colon-line-that-is-long") +
                              std::string(300, 'z') + "\r\n\r\n"));
  const RawResponse response = connection.readResponse();
  expectError(response, 400, "malformed_request");
  EXPECT_EQ(roundTrip(port_, buildRequest("GET", "/ping")).status, 200);
}

TEST_F(ServerTest, HugeHeaderIs431AndTheServerGoesOnServing) {
  expectError(roundTrip(port_, buildRequest("GET", "/ping", {{"X-Huge", std::string(100000, 'h')}})), 431,
              "header_too_large");
  EXPECT_EQ(roundTrip(port_, buildRequest("GET", "/ping")).status, 200);
}

TEST_F(ServerTest, ClientVanishingMidRequestDoesNotHurtTheServer) {
  {
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send("POST /echo HTTP/1.1\r\nContent-Type: appl"));
  }
  {
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send(buildRequest(
        "POST", "/echo", {{"Content-Type", "application/json"}, {"Content-Length", "50"}}, "{")));
  }
  EXPECT_EQ(roundTrip(port_, buildRequest("GET", "/ping")).status, 200);
}

TEST_F(ServerTest, KeepsTheConnectionAliveAcrossRequests) {
  RawConnection connection(port_);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(connection.send(buildRequest("GET", "/ping")));
    EXPECT_EQ(connection.readResponse().status, 200);
  }
  ASSERT_TRUE(connection.send(buildRequest("GET", "/nope")));
  EXPECT_EQ(connection.readResponse().status, 404);
  ASSERT_TRUE(connection.send(buildRequest("GET", "/ping")));
  EXPECT_EQ(connection.readResponse().status, 200);
}

TEST_F(ServerTest, ClosesTheConnectionWhenABodyIsLeftUnread) {
  RawConnection connection(port_);
  ASSERT_TRUE(
      connection.send(buildRequest("POST", "/nope", {{"Content-Type", "application/json"}}, "{\"x\":1}")));
  const RawResponse response = connection.readResponse();
  EXPECT_EQ(response.status, 404);
  EXPECT_TRUE(response.closesConnection());
  EXPECT_TRUE(connection.waitForClose());
}

TEST_F(ServerTest, AnswersExpectContinue) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest(
      "POST", "/echo",
      {{"Content-Type", "application/json"}, {"Content-Length", "2"}, {"Expect", "100-continue"}})));
  ASSERT_TRUE(connection.send("{}"));
  const RawResponse response = connection.readResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{}");
}

TEST_F(ServerTest, StreamsServerSentEvents) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest("GET", "/stream", {{"x-request-id", "sse-1"}})));
  const RawResponse response = connection.readResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "text/event-stream");
  EXPECT_EQ(response.header("cache-control"), "no-cache");
  EXPECT_EQ(response.header("x-request-id"), "sse-1");
  EXPECT_TRUE(response.chunked);
  EXPECT_EQ(response.body, "data: {\"n\":0}\n\ndata: {\"n\":1}\n\ndata: {\"n\":2}\n\n");
}

TEST_F(ServerTest, StreamNoticesTheClientGoingAway) {
  streamForever_ = true;
  {
    RawConnection connection(port_);
    ASSERT_TRUE(connection.send(buildRequest("GET", "/stream")));
    connection.readHead();
    while (!streamStarted_)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_TRUE(server_->waitForIdle(std::chrono::seconds(10)));
  EXPECT_TRUE(streamSawClientGone_);
}

TEST_F(ServerTest, StopAcceptingRefusesNewConnectionsAndWaitsForInFlight) {
  RawConnection slow(port_);
  ASSERT_TRUE(slow.send(buildRequest("GET", "/slow")));
  while (!slowStarted_)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_EQ(server_->inFlight(), 1);

  server_->stopAccepting();
  EXPECT_THROW(RawConnection refused(port_), std::runtime_error);
  EXPECT_FALSE(server_->waitForIdle(std::chrono::milliseconds(50)));

  releaseSlow_ = true;
  const RawResponse response = slow.readResponse();
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.closesConnection());
  EXPECT_TRUE(server_->waitForIdle(std::chrono::seconds(10)));
  server_->stop();
}

TEST_F(ServerTest, StopClosesIdleKeepAliveConnections) {
  RawConnection idle(port_);
  ASSERT_TRUE(idle.send(buildRequest("GET", "/ping")));
  EXPECT_EQ(idle.readResponse().status, 200);
  const auto started = std::chrono::steady_clock::now();
  server_->stop();
  EXPECT_TRUE(idle.waitForClose());
  // Well under the 5 s keep-alive timeout: the idle connection was interrupted.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(ServerStart, ReportsAPortInUse) {
  ServerOptions first;
  first.port = 0;
  Server holder(first, Router{});
  holder.start();
  ServerOptions second;
  second.port = holder.port();
  Server clash(second, Router{});
  try {
    clash.start();
    FAIL() << "expected the second bind to fail";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(holder.port())),
              std::string::npos)
        << e.what();
  }
}

TEST_F(ServerTest, AMultipartRouteReadsAFormBody) {
  const std::string body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n";
  const RawResponse response = roundTrip(
      port_, buildRequest("POST", "/form", {{"Content-Type", "multipart/form-data; boundary=b"}}, body));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "multipart/form-data; boundary=b|" + body);
}

TEST_F(ServerTest, AMultipartRouteRefusesOtherContentTypesWith415) {
  for (const std::string type : {"application/json", "text/plain", "multipart/mixed; boundary=b"}) {
    const RawResponse response =
        roundTrip(port_, buildRequest("POST", "/form", {{"Content-Type", type}}, "{}"));
    expectError(response, 415, "unsupported_media_type");
    EXPECT_NE(response.body.find("multipart/form-data"), std::string::npos) << response.body;
  }
  expectError(roundTrip(port_, buildRequest("POST", "/form", {}, "x")), 415, "unsupported_media_type");
}

TEST_F(ServerTest, AMultipartBodyOverTheLimitIs413) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest("POST", "/form",
                                           {{"Content-Type", "multipart/form-data; boundary=b"},
                                            {"Content-Length", std::to_string(kLimit + 1)}})));
  expectError(connection.readResponse(), 413, "body_too_large");
  EXPECT_TRUE(connection.waitForClose());
  std::string request =
      buildRequest("POST", "/form",
                   {{"Content-Type", "multipart/form-data; boundary=b"}, {"Transfer-Encoding", "chunked"}});
  request += "400\r\n" + std::string(1024, 'x') + "\r\n1\r\nx\r\n0\r\n\r\n";
  expectError(roundTrip(port_, request), 413, "body_too_large");
  EXPECT_EQ(roundTrip(port_, buildRequest("GET", "/ping")).status, 200);
}

TEST_F(ServerTest, ARawStreamCarriesAnyStatusTypeAndBytesAndEndsProperly) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest("GET", "/raw")));
  const RawResponse response = connection.readResponse(); // throws unless the last chunk arrives
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.header("content-type"), "audio/mpeg");
  EXPECT_TRUE(response.chunked);
  EXPECT_EQ(response.header("cache-control"), "");
  EXPECT_EQ(response.body, std::string("ID3\0frames", 10));
  // Properly ended, so the connection serves the next request.
  ASSERT_TRUE(connection.send(buildRequest("GET", "/ping")));
  EXPECT_EQ(connection.readResponse().status, 200);
}

TEST_F(ServerTest, AnAbortedStreamIsCutOffWithoutItsLastChunk) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest("GET", "/raw-cut")));
  const RawResponse head = connection.readHead();
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(connection.readChunk(), std::optional<std::string>("partial audio"));
  EXPECT_THROW(connection.readChunk(), std::runtime_error); // EOF instead of the zero chunk
  EXPECT_EQ(roundTrip(port_, buildRequest("GET", "/ping")).status, 200);
}

TEST_F(ServerTest, AHandlerThrowingMidRawStreamCutsTheConnection) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(buildRequest("GET", "/raw-then-throw")));
  EXPECT_EQ(connection.readHead().status, 200);
  EXPECT_EQ(connection.readChunk(), std::optional<std::string>("RIFF"));
  EXPECT_THROW(connection.readChunk(), std::runtime_error); // no error text inside the audio, no last chunk
}

} // namespace
} // namespace gatehouse::http
