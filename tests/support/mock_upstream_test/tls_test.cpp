// HTTPS with the build-generated test CA.
#include <gatehouse/testing/test_certs.hpp>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include "mock_fixture.hpp"
#include "sse.hpp"

namespace gatehouse::mock::test {
namespace {

class Tls : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    testing::MockUpstreamOptions options;
    options.tls = true;
    mock_ = std::make_unique<testing::MockUpstreamProcess>(options);
  }
  static void TearDownTestSuite() { mock_.reset(); }
  static MockClient trustingClient() {
    return MockClient(*mock_, clientTlsContext(testing::TestCerts::caFile()));
  }
  inline static std::unique_ptr<testing::MockUpstreamProcess> mock_;
};

const std::string kStreamChat =
    R"({"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"secure hello"}]})";

TEST_F(Tls, ListeningLineSaysTls) {
  auto lines = mock_->process().lines(testing::OutputStream::Stdout);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "mock-upstream listening on 127.0.0.1:" + std::to_string(mock_->port()) + " tls");
  EXPECT_EQ(mock_->baseUrl(), "https://127.0.0.1:" + std::to_string(mock_->port()));
}

TEST_F(Tls, HandshakeSucceedsWithTheTestCaAndStreamsWork) {
  auto c = trustingClient();
  auto reply = c.post("/v1/chat/completions", kStreamChat, openAiAuth());
  ASSERT_EQ(reply.status, 200);
  auto events = parseSse(reply.body, "\n\n");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().data, "[DONE]");
  auto recorded = parseJson(c.get("/__mock/requests").body);
  EXPECT_TRUE(recorded["requests"][recorded["requests"].Size() - 1]["tls"].GetBool());
}

TEST_F(Tls, AnUnrelatedCaFailsTheHandshake) {
  MockClient c(*mock_, clientTlsContext(testing::TestCerts::otherCaFile()));
  EXPECT_ANY_THROW(c.post("/v1/chat/completions", kStreamChat, openAiAuth()));
}

TEST_F(Tls, PlainHttpToTheTlsPortGetsNoAnswer) {
  MockClient plain(*mock_);
  EXPECT_ANY_THROW(plain.get("/__mock/health"));
}

TEST_F(Tls, ASilentClientDoesNotBlockOtherHandshakes) {
  // Handshakes happen on connection threads, not on the accepting one.
  Poco::Net::StreamSocket silent(Poco::Net::SocketAddress("127.0.0.1", mock_->port()));
  EXPECT_EQ(trustingClient().get("/__mock/health").status, 200);
}

TEST_F(Tls, CutWorksOverTls) {
  auto c = trustingClient();
  std::string body;
  try {
    body = c.post("/v1/chat/completions", kStreamChat,
                  {{"Authorization", "Bearer k"}, {"x-mock-scenario", "cut:2"}})
               .body;
  } catch (const std::exception&) {
    // A client may report the truncated TLS stream as an error; either way no [DONE].
  }
  EXPECT_EQ(body.find("[DONE]"), std::string::npos);
}

} // namespace
} // namespace gatehouse::mock::test
