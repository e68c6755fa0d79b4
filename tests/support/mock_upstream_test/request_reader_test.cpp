// Reading HTTP/1.1 requests off a real socket, however the bytes are split.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <thread>

#include "request_reader.hpp"

namespace gatehouse::mock {
namespace {

class RequestReaderTest : public ::testing::Test {
protected:
  void SetUp() override { connectPair(); }

  void connectPair() {
    listener_ = Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0));
    client_ = Poco::Net::StreamSocket(listener_.address());
    server_ = listener_.acceptConnection();
    server_.setReceiveTimeout(Poco::Timespan(5, 0));
  }

  // Sends in pieces of `step` bytes so the reader must reassemble across receives.
  void sendInPieces(const std::string& bytes, std::size_t step) {
    sender_ = std::thread([this, bytes, step] {
      for (std::size_t at = 0; at < bytes.size(); at += step) {
        auto piece = bytes.substr(at, step);
        client_.sendBytes(piece.data(), static_cast<int>(piece.size()));
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    });
  }

  void TearDown() override {
    if (sender_.joinable())
      sender_.join();
  }

  Poco::Net::ServerSocket listener_;
  Poco::Net::StreamSocket client_;
  Poco::Net::StreamSocket server_;
  std::thread sender_;
};

TEST_F(RequestReaderTest, ReadsHeadAndBodySplitAtEveryByte) {
  sendInPieces(
      "POST /v1/chat/completions?api-version=1&x=a%20b HTTP/1.1\r\nHost: h\r\nX-Mock-Scenario:  drip:5 \r\n"
      "Content-Length: 5\r\n\r\nhello",
      1);
  RequestReader reader(server_, 1024);
  auto request = reader.readHead();
  ASSERT_TRUE(request);
  reader.readBody(*request);
  EXPECT_EQ(request->method, "POST");
  EXPECT_EQ(request->path, "/v1/chat/completions");
  EXPECT_EQ(request->query, "api-version=1&x=a%20b");
  EXPECT_EQ(request->queryParam("x"), "a b");
  EXPECT_EQ(request->queryParam("api-version"), "1");
  EXPECT_FALSE(request->queryParam("missing"));
  ASSERT_NE(request->header("x-mock-scenario"), nullptr);
  EXPECT_EQ(*request->header("x-mock-scenario"), "drip:5");
  EXPECT_EQ(request->body, "hello");
  EXPECT_TRUE(request->wantsKeepAlive());
}

TEST_F(RequestReaderTest, ReadsChunkedBodiesAndPipelinedRequests) {
  sendInPieces("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
               "4;ext=1\r\nwiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n"
               "GET /b HTTP/1.0\r\n\r\n",
               7);
  RequestReader reader(server_, 1024);
  auto first = reader.readHead();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->expectsContinue());
  reader.readBody(*first);
  EXPECT_EQ(first->body, "wikipedia");
  auto second = reader.readHead();
  ASSERT_TRUE(second);
  reader.readBody(*second);
  EXPECT_EQ(second->method, "GET");
  EXPECT_EQ(second->path, "/b");
  EXPECT_EQ(second->minorVersion, 0);
  EXPECT_FALSE(second->wantsKeepAlive());
  client_.shutdownSend();
  EXPECT_FALSE(reader.readHead()); // a clean close between requests
}

TEST_F(RequestReaderTest, ConnectionCloseEndsKeepAlive) {
  sendInPieces("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n", 64);
  RequestReader reader(server_, 1024);
  auto request = reader.readHead();
  ASSERT_TRUE(request);
  EXPECT_FALSE(request->wantsKeepAlive());
}

TEST_F(RequestReaderTest, OversizedBodyIs413) {
  sendInPieces("POST / HTTP/1.1\r\nContent-Length: 2048\r\n\r\n", 64);
  RequestReader reader(server_, 1024);
  auto request = reader.readHead();
  ASSERT_TRUE(request);
  try {
    reader.readBody(*request);
    FAIL() << "no BadRequest";
  } catch (const BadRequest& bad) {
    EXPECT_EQ(bad.status(), 413);
  }
}

TEST_F(RequestReaderTest, MalformedRequestsAre400) {
  for (const char* head : {"NONSENSE\r\n\r\n", "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
                           "GET relative HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n"}) {
    connectPair();
    sendInPieces(head, 64);
    RequestReader reader(server_, 1024);
    try {
      reader.readHead();
      ADD_FAILURE() << "accepted: " << head;
    } catch (const BadRequest& bad) {
      EXPECT_EQ(bad.status(), 400) << head;
    }
    sender_.join();
  }
}

TEST_F(RequestReaderTest, UnknownHttpVersionIs505) {
  sendInPieces("GET / HTTP/2.0\r\n\r\n", 64);
  RequestReader reader(server_, 1024);
  try {
    reader.readHead();
    FAIL() << "accepted HTTP/2.0";
  } catch (const BadRequest& bad) {
    EXPECT_EQ(bad.status(), 505);
  }
}

} // namespace
} // namespace gatehouse::mock
