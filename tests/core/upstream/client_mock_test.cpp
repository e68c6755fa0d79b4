// The upstream client against the project's mock upstream (plain HTTP): bodies, streams,
// the mock's misbehaviours and the timeouts they trigger.
#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse/upstream/pooled_upstream_client.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "client_test_support.hpp"

namespace gatehouse::testing {
namespace {

class ClientWithMock : public ::testing::Test {
protected:
  static void SetUpTestSuite() { mock_ = new MockUpstreamProcess(); }
  static void TearDownTestSuite() {
    delete mock_;
    mock_ = nullptr;
  }

  static std::string base() { return mock_->baseUrl(); }
  static std::string authority() { return "127.0.0.1:" + std::to_string(mock_->port()); }

  // The last request the mock recorded, as its JSON text.
  static std::string lastRecorded(UpstreamClient& client) {
    TestRequest request;
    request.method = "GET";
    request.url = base() + "/__mock/requests";
    Sent sent = send(client, request);
    EXPECT_EQ(sent.status, GH_OK) << sent.failure.message;
    std::string body;
    UpstreamFailure failure;
    EXPECT_EQ(sent.response->readBody(body, failure), GH_OK);
    const std::size_t last = body.rfind("{\"sequence\":");
    return last == std::string::npos ? body : body.substr(last);
  }

  static MockUpstreamProcess* mock_;
};

MockUpstreamProcess* ClientWithMock::mock_ = nullptr;

TEST_F(ClientWithMock, JsonRoundTripSendsTheBodyPartsInOrder) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), false));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  EXPECT_EQ(sent.response->status(), 200);
  EXPECT_EQ(sent.response->header("CONTENT-type"), "application/json");
  EXPECT_EQ(sent.response->header("x-request-id").substr(0, 4), "req_");
  std::string body = "prefix:"; // readBody appends
  UpstreamFailure failure;
  ASSERT_EQ(sent.response->readBody(body, failure), GH_OK) << failure.message;
  EXPECT_EQ(body.rfind("prefix:{", 0), 0u);
  EXPECT_NE(body.find("\"content\":\"Echo: hello\""), std::string::npos) << body;
  sent.response.reset();

  const std::string recorded = lastRecorded(*client);
  EXPECT_NE(recorded.find(R"("body":"{\"model\":\"gpt-4o\",\"stream\":false,\"messages\":)"),
            std::string::npos)
      << recorded;
  EXPECT_NE(recorded.find("\"host\":\"" + authority() + "\""), std::string::npos) << recorded;
  EXPECT_NE(recorded.find(R"("accept-encoding":"identity")"), std::string::npos) << recorded;
  EXPECT_NE(recorded.find(R"("connection":"keep-alive")"), std::string::npos) << recorded;
  EXPECT_NE(recorded.find(R"("authorization":"Bearer test-key")"), std::string::npos) << recorded;
  const TestRequest request = chatRequest(base(), false);
  const std::size_t length = request.bodyParts[0].size() + request.bodyParts[1].size();
  EXPECT_NE(recorded.find("\"content-length\":\"" + std::to_string(length) + "\""), std::string::npos);
}

TEST_F(ClientWithMock, ErrorStatusIsAResponseNotAFailure) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), false, "fail:429"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  EXPECT_EQ(sent.response->status(), 429);
  std::string body;
  UpstreamFailure failure;
  ASSERT_EQ(sent.response->readBody(body, failure), GH_OK);
  EXPECT_NE(body.find("\"error\""), std::string::npos);
}

TEST_F(ClientWithMock, ChunkedStreamReadWhole) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:3"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  EXPECT_EQ(sent.response->header("transfer-encoding"), "chunked");
  std::string body;
  UpstreamFailure failure;
  ASSERT_EQ(sent.response->readBody(body, failure), GH_OK) << failure.message;
  EXPECT_EQ(body.rfind("data: {", 0), 0u);
  EXPECT_EQ(body.substr(body.size() - 14), "data: [DONE]\n\n");
}

std::vector<std::string> readEvents(UpstreamResponse& response, UpstreamFailure& failure, gh_status& status) {
  std::vector<std::string> events;
  for (;;) {
    SseEventView event;
    status = response.nextEvent(event, failure);
    if (status != GH_OK || event.end) {
      return events;
    }
    events.emplace_back(event.data);
  }
}

TEST_F(ClientWithMock, StreamEventByEvent) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:3"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  UpstreamFailure failure;
  gh_status status = GH_OK;
  const std::vector<std::string> events = readEvents(*sent.response, failure, status);
  ASSERT_EQ(status, GH_OK) << failure.message;
  ASSERT_EQ(events.size(), 6u); // role, 3 content chunks, finish, [DONE]
  EXPECT_NE(events[1].find("\"content\":\"Echo: \""), std::string::npos) << events[1];
  EXPECT_EQ(events.back(), "[DONE]");
  SseEventView after;
  EXPECT_EQ(sent.response->nextEvent(after, failure), GH_OK);
  EXPECT_TRUE(after.end); // the end stays the end
}

TEST_F(ClientWithMock, DrippedStreamArrivesEventByEvent) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:4,drip:30"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  UpstreamFailure failure;
  gh_status status = GH_OK;
  const std::vector<std::string> events = readEvents(*sent.response, failure, status);
  ASSERT_EQ(status, GH_OK) << failure.message;
  EXPECT_EQ(events.size(), 7u);
  EXPECT_EQ(events.back(), "[DONE]");
}

TEST_F(ClientWithMock, ManyChunks) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:2000"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  UpstreamFailure failure;
  gh_status status = GH_OK;
  const std::vector<std::string> events = readEvents(*sent.response, failure, status);
  ASSERT_EQ(status, GH_OK) << failure.message;
  EXPECT_EQ(events.size(), 2003u);
}

TEST_F(ClientWithMock, ReadChunkGivesTheRawBody) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:300"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  std::string body;
  UpstreamFailure failure;
  for (int reads = 0; reads < 100000; ++reads) {
    const std::size_t before = body.size();
    ASSERT_EQ(sent.response->readChunk(body, failure), GH_OK) << failure.message;
    ASSERT_LE(body.size() - before, 64u * 1024);
    if (body.size() == before) {
      break;
    }
  }
  EXPECT_EQ(body.substr(body.size() - 14), "data: [DONE]\n\n");
  EXPECT_GT(body.size(), 64u * 1024); // more than one read's worth
}

TEST_F(ClientWithMock, StreamCutMidBodyIsAnError) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:5,cut:2"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  UpstreamFailure failure;
  gh_status status = GH_OK;
  const std::vector<std::string> events = readEvents(*sent.response, failure, status);
  EXPECT_EQ(events.size(), 2u);
  EXPECT_EQ(status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(failure.message, "upstream " + authority() + " closed the connection mid-body");
  // Later reads report the failure again instead of touching the closed connection.
  std::string more;
  EXPECT_EQ(sent.response->readChunk(more, failure), GH_ERROR_UPSTREAM);
}

TEST_F(ClientWithMock, BodyCutMidContentLengthIsAnError) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), false, "cut:10"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  std::string body;
  UpstreamFailure failure;
  EXPECT_EQ(sent.response->readBody(body, failure), GH_ERROR_UPSTREAM);
  EXPECT_EQ(failure.message, "upstream " + authority() + " closed the connection mid-body");
}

TEST_F(ClientWithMock, ResetBeforeTheResponseFailsTheSend) {
  auto client = makeUpstreamClient(testConfig(), "mock");
  Sent sent = send(*client, chatRequest(base(), false, "reset"));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.status, GH_ERROR_UPSTREAM);
  EXPECT_NE(sent.failure.message.find(authority()), std::string::npos) << sent.failure.message;
}

TEST_F(ClientWithMock, BodyOverMaxResponseBytes) {
  UpstreamConfig config = testConfig();
  config.maxResponseBytes = 1024;
  auto client = makeUpstreamClient(config, "mock");
  // Content-Length larger than the limit: refused before reading.
  TestRequest big = chatRequest(base(), false);
  big.bodyParts = {R"({"model":"gpt-4o","messages":[{"role":"user","content":")" + std::string(2000, 'x') +
                   "\"}]}"};
  Sent sent = send(*client, big);
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  std::string body;
  UpstreamFailure failure;
  EXPECT_EQ(sent.response->readBody(body, failure), GH_ERROR_UPSTREAM);
  EXPECT_EQ(failure.message, "response from " + authority() + " is larger than 1024 bytes");
  // A chunked body has no length up front: refused once it grows past the limit.
  Sent stream = send(*client, chatRequest(base(), true, "chunks:50"));
  ASSERT_EQ(stream.status, GH_OK) << stream.failure.message;
  body.clear();
  EXPECT_EQ(stream.response->readBody(body, failure), GH_ERROR_UPSTREAM);
  EXPECT_EQ(failure.message, "response from " + authority() + " is larger than 1024 bytes");
}

TEST_F(ClientWithMock, FirstByteTimeoutWhenTheUpstreamStalls) {
  UpstreamConfig config = testConfig();
  config.firstByteTimeoutMs = 200;
  auto client = makeUpstreamClient(config, "mock");
  Sent sent = send(*client, chatRequest(base(), false, "stall:5000"));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(sent.failure.message, "no response from " + authority() + " within 200 ms");
}

TEST_F(ClientWithMock, IdleTimeoutWhenTheStreamPausesTooLong) {
  UpstreamConfig config = testConfig();
  config.idleTimeoutMs = 200;
  auto client = makeUpstreamClient(config, "mock");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:3,drip:3000"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  UpstreamFailure failure;
  gh_status status = GH_OK;
  readEvents(*sent.response, failure, status);
  EXPECT_EQ(status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(failure.message, "upstream " + authority() + " sent nothing for 200 ms");
}

TEST_F(ClientWithMock, TotalTimeoutEndsASteadyButSlowStream) {
  UpstreamConfig config = testConfig();
  config.totalTimeoutMs = 400;
  auto client = makeUpstreamClient(config, "mock");
  const auto start = std::chrono::steady_clock::now();
  Sent sent = send(*client, chatRequest(base(), true, "chunks:100,drip:50"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  UpstreamFailure failure;
  gh_status status = GH_OK;
  const std::vector<std::string> events = readEvents(*sent.response, failure, status);
  EXPECT_EQ(status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(failure.message,
            "upstream " + authority() + " did not finish within the total timeout of 400 ms");
  EXPECT_LT(events.size(), 103u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST_F(ClientWithMock, SequentialRequestsShareOneConnection) {
  auto client = std::make_shared<PooledUpstreamClient>(testConfig(), "mock");
  for (int i = 0; i < 5; ++i) {
    Sent sent = send(*client, chatRequest(base(), i % 2 == 0));
    ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
    std::string body;
    UpstreamFailure failure;
    ASSERT_EQ(sent.response->readBody(body, failure), GH_OK);
  }
  EXPECT_EQ(client->openConnections(base() + "/"), 1u);
}

TEST_F(ClientWithMock, ConcurrentRequestsShareTheBoundedPool) {
  UpstreamConfig config = testConfig();
  config.maxConnectionsPerHost = 3;
  auto client = std::make_shared<PooledUpstreamClient>(config, "mock");
  std::atomic<int> succeeded{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 15; ++i) {
        Sent sent = send(*client, chatRequest(base(), (t + i) % 2 == 0, "chunks:5"));
        std::string body;
        UpstreamFailure failure;
        if (sent.status == GH_OK && sent.response->readBody(body, failure) == GH_OK &&
            body.find("Echo") != std::string::npos) {
          ++succeeded;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(succeeded.load(), 90);
  EXPECT_LE(client->openConnections(base() + "/"), 3u);
  EXPECT_GE(client->openConnections(base() + "/"), 1u);
}

} // namespace
} // namespace gatehouse::testing
