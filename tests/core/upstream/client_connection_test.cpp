// The upstream client against a scripted raw server: connection reuse, stale and dropped
// connections, the pool limit, framing edge cases, refused and silent peers, and requests
// the client must refuse to send.
#include <gatehouse/testing/free_port.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "client_test_support.hpp"
#include "scripted_server.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

void answerForever(ServerConnection& connection) {
  while (connection.readRequest()) {
    connection.write(kOk);
  }
}

std::string authorityOf(const ScriptedServer& server) {
  return "127.0.0.1:" + std::to_string(server.port());
}

TestRequest get(const std::string& url) {
  TestRequest request;
  request.method = "GET";
  request.url = url;
  return request;
}

// Sends a GET and reads its whole body; the body, or the failure message.
std::string fetch(UpstreamClient& client, const std::string& url) {
  Sent sent = send(client, get(url));
  if (sent.status != GH_OK) {
    return "send failed: " + sent.failure.message;
  }
  std::string body;
  UpstreamFailure failure;
  if (sent.response->readBody(body, failure) != GH_OK) {
    return "read failed: " + failure.message;
  }
  return body;
}

TEST(ClientConnections, KeepAliveUsesOneConnectionForSequentialRequests) {
  ScriptedServer server(answerForever);
  auto client = makeUpstreamClient(testConfig(), "p");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(fetch(*client, server.url()), "ok");
  }
  EXPECT_EQ(server.connections(), 1u);
}

TEST(ClientConnections, ConnectionClosedByTheServerWhileIdleIsReplaced) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write(kOk); // keep-alive promised, then closed: the script ends
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()), "ok");
  EXPECT_EQ(fetch(*client, server.url()), "ok");
  EXPECT_EQ(fetch(*client, server.url()), "ok");
  EXPECT_EQ(server.connections(), 3u);
}

TEST(ClientConnections, RequestDroppedOnAReusedConnectionIsRetriedOnce) {
  // The first connection answers once, then takes the second request and closes without
  // answering: the race of a server closing an idle connection as a request arrives.
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.index() == 0) {
      if (connection.readRequest()) {
        connection.write(kOk);
      }
      connection.readRequest();
      return;
    }
    answerForever(connection);
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()), "ok");
  EXPECT_EQ(fetch(*client, server.url()), "ok"); // transparently sent again
  EXPECT_EQ(server.connections(), 2u);
}

TEST(ClientConnections, FreshConnectionClosedWithoutAnswerIsNotRetried) {
  ScriptedServer server([](ServerConnection& connection) { connection.readRequest(); });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()),
            "send failed: upstream " + authorityOf(server) + " closed the connection without responding");
  EXPECT_EQ(server.connections(), 1u);
}

TEST(ClientConnections, IdleConnectionsOlderThanThePoolTimeoutAreDropped) {
  ScriptedServer server(answerForever);
  UpstreamConfig config = testConfig();
  config.poolIdleTimeoutMs = 1;
  auto client = makeUpstreamClient(config, "p");
  EXPECT_EQ(fetch(*client, server.url()), "ok");
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(fetch(*client, server.url()), "ok");
  EXPECT_EQ(server.connections(), 2u);
}

TEST(ClientConnections, FullPoolFailsAsUnavailableAfterTheConnectTimeout) {
  ScriptedServer server([](ServerConnection& connection) {
    while (connection.readRequest()) {
      connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n");
      if (connection.waitForClose(5s)) {
        return;
      }
    }
  });
  UpstreamConfig config = testConfig();
  config.maxConnectionsPerHost = 1;
  config.connectTimeoutMs = 200;
  auto client = makeUpstreamClient(config, "p");
  Sent first = send(*client, get(server.url()));
  ASSERT_EQ(first.status, GH_OK) << first.failure.message;
  Sent second = send(*client, get(server.url()));
  EXPECT_EQ(second.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(second.failure.message, "connection pool for " + authorityOf(server) + " is full");
  first.response.reset(); // unread: closed, and its slot freed
  Sent third = send(*client, get(server.url()));
  EXPECT_EQ(third.status, GH_OK) << third.failure.message;
}

TEST(ClientConnections, DestroyingAnUnreadStreamClosesTheConnectionAtOnce) {
  std::atomic<bool> sawClose{false};
  ScriptedServer server([&](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write(
          "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
          "e\r\ndata: first\n\n\r\n");
      sawClose = connection.waitForClose(5s);
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  Sent sent = send(*client, get(server.url()));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  SseEventView event;
  UpstreamFailure failure;
  ASSERT_EQ(sent.response->nextEvent(event, failure), GH_OK) << failure.message;
  EXPECT_EQ(event.data, "first");
  const auto start = std::chrono::steady_clock::now();
  sent.response.reset();
  for (int i = 0; i < 400 && !sawClose; ++i) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_TRUE(sawClose);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST(ClientConnections, ContentLengthNotReachedIsACut) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()),
            "read failed: upstream " + authorityOf(server) + " closed the connection mid-body");
}

TEST(ClientConnections, ChunkedBodyWithoutItsLastChunkIsACut) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()),
            "read failed: upstream " + authorityOf(server) + " closed the connection mid-body");
}

TEST(ClientConnections, MalformedChunkIsAnInvalidResponse) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n");
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()),
            "read failed: invalid response from " + authorityOf(server) + ": invalid chunk size");
}

TEST(ClientConnections, BodyUntilCloseEndsCleanly) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()), "until the end");
}

TEST(ClientConnections, InterimResponsesAreSkipped) {
  ScriptedServer server([](ServerConnection& connection) {
    while (connection.readRequest()) {
      connection.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n");
      connection.write(kOk);
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()), "ok");
}

TEST(ClientConnections, ResponsesWithoutABodyKeepTheConnection) {
  ScriptedServer server([](ServerConnection& connection) {
    while (connection.readRequest()) {
      connection.write("HTTP/1.1 204 No Content\r\n\r\n");
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  for (int i = 0; i < 3; ++i) {
    Sent sent = send(*client, get(server.url()));
    ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
    EXPECT_EQ(sent.response->status(), 204);
    std::string body;
    UpstreamFailure failure;
    EXPECT_EQ(sent.response->readChunk(body, failure), GH_OK);
    EXPECT_EQ(body, "");
  }
  EXPECT_EQ(server.connections(), 1u);
}

TEST(ClientConnections, GarbageIsAnInvalidResponse) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  EXPECT_EQ(fetch(*client, server.url()),
            "send failed: invalid response from " + authorityOf(server) + ": malformed status line");
}

TEST(ClientConnections, LargeBodyPartsArriveWhole) {
  std::string received;
  ScriptedServer server([&](ServerConnection& connection) {
    std::string head;
    if (connection.readRequest(head, received)) {
      connection.write(kOk);
    }
  });
  auto client = makeUpstreamClient(testConfig(), "p");
  TestRequest request;
  request.url = server.url("/upload");
  request.bodyParts = {std::string(100000, 'a'), "small", std::string(70000, 'b'), std::string(3000, 'c')};
  Sent sent = send(*client, request);
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  std::string body;
  UpstreamFailure failure;
  ASSERT_EQ(sent.response->readBody(body, failure), GH_OK);
  sent.response.reset();
  EXPECT_EQ(received,
            request.bodyParts[0] + request.bodyParts[1] + request.bodyParts[2] + request.bodyParts[3]);
}

TEST(ClientConnections, RefusedPort) {
  const std::uint16_t port = pickFreeLoopbackPort();
  auto client = makeUpstreamClient(testConfig(), "p");
  Sent sent = send(*client, get("http://127.0.0.1:" + std::to_string(port) + "/v1/x?api_key=sk-secret"));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.message,
            "could not connect to 127.0.0.1:" + std::to_string(port) + ": Connection refused");
}

TEST(ClientConnections, ConnectTimeoutOnAHostThatDoesNotAnswer) {
  FullBacklogListener listener;
  UpstreamConfig config = testConfig();
  config.connectTimeoutMs = 200;
  auto client = makeUpstreamClient(config, "p");
  const auto start = std::chrono::steady_clock::now();
  Sent sent = send(*client, get("http://127.0.0.1:" + std::to_string(listener.port()) + "/"));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(sent.failure.message,
            "could not connect to 127.0.0.1:" + std::to_string(listener.port()) + " within 200 ms");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST(ClientConnections, FirstByteTimeoutOnASilentServer) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.waitForClose(5s);
    }
  });
  UpstreamConfig config = testConfig();
  config.firstByteTimeoutMs = 150;
  auto client = makeUpstreamClient(config, "p");
  Sent sent = send(*client, get(server.url("/slow?key=sk-secret")));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(sent.failure.message, "no response from " + authorityOf(server) + " within 150 ms");
}

TEST(ClientConnections, TotalTimeoutBoundsTheFirstByteWait) {
  ScriptedServer server([](ServerConnection& connection) {
    if (connection.readRequest()) {
      connection.waitForClose(5s);
    }
  });
  UpstreamConfig config = testConfig();
  config.totalTimeoutMs = 150;
  auto client = makeUpstreamClient(config, "p");
  Sent sent = send(*client, get(server.url()));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(sent.failure.message,
            "upstream " + authorityOf(server) + " did not finish within the total timeout of 150 ms");
}

TEST(ClientConnections, HostOwnedHeadersAreRefusedBeforeConnecting) {
  ScriptedServer server(answerForever);
  auto client = makeUpstreamClient(testConfig(), "p");
  TestRequest request = get(server.url());
  request.headers = {{"Content-Length", "5"}};
  Sent sent = send(*client, request);
  EXPECT_EQ(sent.status, GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(sent.failure.message,
            "invalid upstream request: header Content-Length is set by the host; a plugin must not set it");
  EXPECT_EQ(server.connections(), 0u);
}

TEST(ClientConnections, RelativeAndGarbageUrlsAreInvalidArguments) {
  auto client = makeUpstreamClient(testConfig(), "p");
  for (const char* url : {"/v1/chat/completions", "not a url", "https://"}) {
    Sent sent = send(*client, get(url));
    EXPECT_EQ(sent.status, GH_ERROR_INVALID_ARGUMENT) << url;
    EXPECT_EQ(sent.failure.message.rfind("invalid upstream URL: ", 0), 0u) << sent.failure.message;
  }
}

} // namespace
} // namespace gatehouse::testing
