// The executable's contract with whoever starts it: command line, listening line, signals.
#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse/testing/subprocess.hpp>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <gtest/gtest.h>

#include <csignal>
#include <regex>

namespace gatehouse::mock::test {
namespace {

using namespace std::chrono_literals;
using testing::OutputStream;
using testing::Subprocess;

Subprocess startMock(std::vector<std::string> args) {
  testing::SubprocessOptions options;
  options.program = testing::MockUpstreamProcess::executable();
  options.args = std::move(args);
  return Subprocess(options);
}

TEST(MockProcess, PrintsOneListeningLineAndExitsZeroOnSigterm) {
  auto process = startMock({"--host", "127.0.0.1", "--port", "0"});
  auto line = process.waitForLine(OutputStream::Stdout, "mock-upstream listening on ", 10s);
  ASSERT_TRUE(line);
  EXPECT_TRUE(std::regex_match(*line, std::regex(R"(mock-upstream listening on 127\.0\.0\.1:[1-9][0-9]*)")))
      << *line;
  process.sendSignal(SIGTERM);
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 0);
}

TEST(MockProcess, SigtermDoesNotWaitForStalledRequests) {
  auto process = startMock({"--port", "0"});
  auto line = process.waitForLine(OutputStream::Stdout, "mock-upstream listening on 127.0.0.1:", 10s);
  ASSERT_TRUE(line);
  auto port = static_cast<std::uint16_t>(std::stoi(line->substr(line->rfind(':') + 1)));
  Poco::Net::StreamSocket stalled(Poco::Net::SocketAddress("127.0.0.1", port));
  std::string request =
      "POST /v1/chat/completions HTTP/1.1\r\nAuthorization: Bearer k\r\nx-mock-scenario: stall:60000\r\n"
      "Content-Length: 2\r\n\r\n{}";
  stalled.sendBytes(request.data(), static_cast<int>(request.size()));
  std::this_thread::sleep_for(100ms);
  process.sendSignal(SIGTERM);
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->code, 0);
}

TEST(MockProcess, BadArgumentsExitTwoWithUsage) {
  auto process = startMock({"--port", "not-a-number"});
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->code, 2);
  EXPECT_TRUE(process.waitForLine(OutputStream::Stderr, "gatehouse_mock_upstream: --port", 1s));
  EXPECT_TRUE(process.waitForLine(OutputStream::Stderr, "usage:", 1s));
}

TEST(MockProcess, HelpExitsZero) {
  auto process = startMock({"--help"});
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->code, 0);
  EXPECT_TRUE(process.waitForLine(OutputStream::Stdout, "usage:", 1s));
}

TEST(MockProcess, MissingCertificateExitsOne) {
  auto process = startMock({"--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem"});
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->code, 1);
}

TEST(MockProcess, PortInUseExitsOne) {
  testing::MockUpstreamProcess first;
  auto second = startMock({"--port", std::to_string(first.port())});
  auto exit = second.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->code, 1);
}

} // namespace
} // namespace gatehouse::mock::test
