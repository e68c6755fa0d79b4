// KeepAliveSession through a real Server: the request budget, the keep-alive timeout,
// pipelined requests and the first request's receive timeout.
#include <gatehouse/http/server.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <gatehouse_test/raw_http_client.hpp>
#include <memory>

namespace gatehouse::http {
namespace {

using namespace std::chrono_literals;
using testing::buildRequest;
using testing::RawConnection;

std::unique_ptr<Server> startServer(int maxKeepAliveRequests, int keepAliveTimeoutSeconds,
                                    int receiveTimeoutSeconds = 5) {
  Router router;
  router.add({"GET", "/ping", BodyPolicy::None,
              [](IncomingRequest&, ResponseSink& response) { response.send(200, "text/plain", "pong"); }});
  ServerOptions options;
  options.port = 0;
  options.threads = 4;
  options.queueSize = 16;
  options.maxKeepAliveRequests = maxKeepAliveRequests;
  options.keepAliveTimeoutSeconds = keepAliveTimeoutSeconds;
  options.receiveTimeoutSeconds = receiveTimeoutSeconds;
  auto server = std::make_unique<Server>(options, std::move(router));
  server->start();
  return server;
}

TEST(KeepAliveSession, ServesAsManyRequestsAsTheBudgetAndSaysCloseOnTheLast) {
  const auto server = startServer(3, 5);
  RawConnection connection(server->port());
  for (int i = 1; i <= 3; ++i) {
    ASSERT_TRUE(connection.send(buildRequest("GET", "/ping")));
    const testing::RawResponse response = connection.readResponse();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.closesConnection(), i == 3) << "request " << i;
  }
  EXPECT_TRUE(connection.waitForClose());
}

TEST(KeepAliveSession, NoBudgetMeansNoLimit) {
  const auto server = startServer(0, 5);
  RawConnection connection(server->port());
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(connection.send(buildRequest("GET", "/ping")));
    const testing::RawResponse response = connection.readResponse();
    ASSERT_EQ(response.status, 200);
    ASSERT_FALSE(response.closesConnection());
  }
}

TEST(KeepAliveSession, AnswersPipelinedRequestsThatArrivedInOneRead) {
  const auto server = startServer(0, 5);
  RawConnection connection(server->port());
  ASSERT_TRUE(connection.send(buildRequest("GET", "/ping") + buildRequest("GET", "/ping") +
                              buildRequest("GET", "/ping")));
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(connection.readResponse().status, 200) << "response " << i;
}

TEST(KeepAliveSession, ClosesAnIdleConnectionAfterTheKeepAliveTimeout) {
  const auto server = startServer(0, 1);
  RawConnection connection(server->port(), 10s);
  ASSERT_TRUE(connection.send(buildRequest("GET", "/ping")));
  EXPECT_EQ(connection.readResponse().status, 200);
  const auto idleSince = std::chrono::steady_clock::now();
  EXPECT_TRUE(connection.waitForClose());
  const auto idle = std::chrono::steady_clock::now() - idleSince;
  EXPECT_GE(idle, 900ms);
  EXPECT_LT(idle, 5s);
}

TEST(KeepAliveSession, ClosesAConnectionThatNeverSendsItsFirstRequest) {
  const auto server = startServer(0, 30, 1);
  RawConnection silent(server->port(), 10s);
  const auto openedAt = std::chrono::steady_clock::now();
  EXPECT_TRUE(silent.waitForClose());
  EXPECT_LT(std::chrono::steady_clock::now() - openedAt, 5s); // the receive timeout, not keep-alive's 30 s
}

} // namespace
} // namespace gatehouse::http
