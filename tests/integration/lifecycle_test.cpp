// Start-up, --check-config and graceful shutdown of the real process.
#include <arpa/inet.h>
#include <fstream>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "running_gateway.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

std::string lastStderrLine(const GatewayProcess& process) {
  const auto lines = process.stderrLines();
  return lines.empty() ? std::string() : lines.back();
}

std::string streamRequest() {
  return buildRequest("POST", "/v1/chat/completions", {{"Content-Type", "application/json"}},
                      chatBody("mock-echo", R"(,"stream":true)"));
}

// --- graceful shutdown ---------------------------------------------------------------

TEST(Shutdown, SigtermLetsAnInFlightStreamFinishThenExitsZero) {
  TestConfig config;
  config.latencyMs = 150; // role after 150 ms, then 3 more waits: about 600 ms in all
  config.chunks = 4;
  config.graceSeconds = 20;
  GatewayProcess gateway(config.json(), GatewayProcess::serveArgs());
  const auto port = gateway.waitUntilListening();
  ASSERT_NE(port, 0) << gateway.output();

  RawConnection stream(port);
  ASSERT_TRUE(stream.send(streamRequest()));
  const RawResponse head = stream.readHead();
  ASSERT_EQ(head.status, 200);
  ASSERT_TRUE(stream.readChunk().has_value()); // the role chunk: the stream is in flight

  gateway.sendSignal(SIGTERM);
  ASSERT_TRUE(gateway.waitForOutput("shutting down", 5s)) << gateway.output();
  EXPECT_THROW(RawConnection late(port), std::runtime_error); // no longer accepting

  std::string rest;
  while (auto chunk = stream.readChunk())
    rest += *chunk;
  const auto events = sseData(rest);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back(), "[DONE]");
  EXPECT_EQ(gateway.waitForExit(10s), 0) << gateway.output();
}

TEST(Shutdown, GraceExceededExitsZeroAfterAboutTheGracePeriod) {
  TestConfig config;
  config.latencyMs = 1000; // a ten-second stream
  config.chunks = 10;
  config.graceSeconds = 1;
  GatewayProcess gateway(config.json(), GatewayProcess::serveArgs());
  const auto port = gateway.waitUntilListening();
  ASSERT_NE(port, 0) << gateway.output();

  RawConnection stream(port);
  ASSERT_TRUE(stream.send(streamRequest()));
  ASSERT_EQ(stream.readHead().status, 200);
  const auto signalled = std::chrono::steady_clock::now();
  gateway.sendSignal(SIGTERM);
  EXPECT_EQ(gateway.waitForExit(8s), 0) << gateway.output();
  const auto took = std::chrono::steady_clock::now() - signalled;
  EXPECT_GE(took, 900ms);
  EXPECT_LT(took, 5s);
  EXPECT_NE(gateway.output().find("grace period ended"), std::string::npos) << gateway.output();
}

TEST(Shutdown, SigintStopsAnIdleGatewayWithExitZero) {
  GatewayProcess gateway(TestConfig{}.json(), GatewayProcess::serveArgs());
  const auto port = gateway.waitUntilListening();
  ASSERT_NE(port, 0) << gateway.output();
  RawConnection idleKeepAlive(port);
  ASSERT_TRUE(idleKeepAlive.send(buildRequest("GET", "/healthz")));
  ASSERT_EQ(idleKeepAlive.readResponse().status, 200);
  gateway.sendSignal(SIGINT);
  // The idle keep-alive connection must not hold the exit up for its 5 s timeout.
  EXPECT_EQ(gateway.waitForExit(4s), 0) << gateway.output();
}

TEST(Shutdown, ReadyzSaysShuttingDownWhileDraining) {
  TestConfig config;
  config.latencyMs = 300;
  config.chunks = 4;
  GatewayProcess gateway(config.json(), GatewayProcess::serveArgs());
  const auto port = gateway.waitUntilListening();
  ASSERT_NE(port, 0) << gateway.output();

  RawConnection probe(port);
  ASSERT_TRUE(probe.send(buildRequest("GET", "/readyz")));
  ASSERT_EQ(probe.readResponse().status, 200);
  RawConnection stream(port);
  ASSERT_TRUE(stream.send(streamRequest()));
  ASSERT_EQ(stream.readHead().status, 200);

  gateway.sendSignal(SIGTERM);
  ASSERT_TRUE(gateway.waitForOutput("shutting down", 5s));
  ASSERT_TRUE(probe.send(buildRequest("GET", "/readyz")));
  const RawResponse draining = probe.readResponse();
  expectApiError(draining, 503, "shutting_down");
  EXPECT_TRUE(draining.closesConnection());
  EXPECT_EQ(gateway.waitForExit(10s), 0) << gateway.output();
}

// --- start-up failures -----------------------------------------------------------------

TEST(Startup, BadConfigExitsOneWithOneLine) {
  GatewayProcess gateway(R"({"server": {"port": "eighty"}})", GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  const auto lines = gateway.stderrLines();
  ASSERT_EQ(lines.size(), 1u) << gateway.output();
  EXPECT_EQ(lines[0].rfind("gatehouse: ", 0), 0u) << lines[0];
}

TEST(Startup, UnparsableConfigExitsOne) {
  GatewayProcess gateway("{ not json", GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  EXPECT_EQ(lastStderrLine(gateway).rfind("gatehouse: ", 0), 0u) << gateway.output();
}

TEST(Startup, MissingConfigFileExitsOne) {
  GatewayProcess gateway("{}", {"--config", "/nonexistent/gatehouse.json"});
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  EXPECT_EQ(lastStderrLine(gateway).rfind("gatehouse: ", 0), 0u) << gateway.output();
}

TEST(Startup, MissingPluginExitsOneNamingIt) {
  TestConfig config;
  config.pluginPath = "libgatehouse_provider_nonexistent.so";
  GatewayProcess gateway(config.json(), GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  const std::string line = lastStderrLine(gateway);
  EXPECT_EQ(line.rfind("gatehouse: ", 0), 0u) << gateway.output();
  EXPECT_NE(line.find("libgatehouse_provider_nonexistent.so"), std::string::npos) << line;
}

TEST(Startup, PortInUseExitsOne) {
  const int holder = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(holder, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(holder, 1), 0);
  socklen_t length = sizeof address;
  getsockname(holder, reinterpret_cast<sockaddr*>(&address), &length);
  TestConfig config;
  config.port = ntohs(address.sin_port);

  GatewayProcess gateway(config.json(), GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  const std::string line = lastStderrLine(gateway);
  EXPECT_EQ(line.rfind("gatehouse: cannot listen on 127.0.0.1:" + std::to_string(config.port), 0), 0u)
      << line;
  close(holder);
}

TEST(Startup, UnknownOptionExitsOne) {
  GatewayProcess gateway("{}", {"--frobnicate"});
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  EXPECT_NE(lastStderrLine(gateway).find("unknown argument '--frobnicate'"), std::string::npos);
}

TEST(Startup, WithoutConfigUsesTheOneInTheWorkingDirectoryAndSaysSo) {
  // The process runs in its temp dir, where the config is written as ./gatehouse.json.
  GatewayProcess gateway(TestConfig{}.json(), {"--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR}, "gatehouse.json");
  ASSERT_NE(gateway.waitUntilListening(), 0) << gateway.output();
  EXPECT_NE(gateway.output().find("no --config given; using ./gatehouse.json"), std::string::npos)
      << gateway.output();
  gateway.sendSignal(SIGTERM);
  EXPECT_EQ(gateway.waitForExit(10s), 0);
}

TEST(Startup, WithoutAnyConfigExitsOneSayingWhatItLookedFor) {
  if (std::ifstream("/etc/gatehouse/gatehouse.json"))
    GTEST_SKIP() << "this machine has /etc/gatehouse/gatehouse.json";
  GatewayProcess gateway("{}", {"--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR}, "not-looked-for.json");
  EXPECT_EQ(gateway.waitForExit(10s), 1);
  const std::string line = lastStderrLine(gateway);
  EXPECT_EQ(line.rfind("gatehouse: no config file", 0), 0u) << gateway.output();
  EXPECT_NE(line.find("/etc/gatehouse/gatehouse.json"), std::string::npos) << line;
}

TEST(Startup, VersionAndHelpExitZero) {
  GatewayProcess version("{}", {"--version"});
  EXPECT_EQ(version.waitForExit(10s), 0);
  EXPECT_EQ(version.stdoutText().rfind("gatehouse ", 0), 0u);
  GatewayProcess help("{}", {"--help"});
  EXPECT_EQ(help.waitForExit(10s), 0);
  EXPECT_NE(help.stdoutText().find("--check-config"), std::string::npos);
}

// --- --check-config --------------------------------------------------------------------

TEST(CheckConfig, AGoodConfigPrintsTheCountsAndExitsZero) {
  GatewayProcess check(TestConfig{}.json(),
                       {"--check-config", "{config}", "--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR});
  EXPECT_EQ(check.waitForExit(10s), 0) << check.output();
  EXPECT_EQ(check.stdoutText(), "config OK: 1 plugins, 1 providers, 1 models\n");
}

TEST(CheckConfig, ABadProviderConfigExitsOne) {
  TestConfig config;
  config.chunks = 0; // the mock refuses it in create()
  GatewayProcess check(config.json(),
                       {"--check-config", "{config}", "--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR});
  EXPECT_EQ(check.waitForExit(10s), 1);
  const std::string line = lastStderrLine(check);
  EXPECT_EQ(line.rfind("gatehouse: ", 0), 0u) << check.output();
  EXPECT_NE(line.find("chunks"), std::string::npos) << line;
}

TEST(CheckConfig, AMissingPluginExitsOne) {
  TestConfig config;
  config.pluginPath = "libnot_there.so";
  GatewayProcess check(config.json(),
                       {"--check-config", "{config}", "--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR});
  EXPECT_EQ(check.waitForExit(10s), 1);
  EXPECT_NE(lastStderrLine(check).find("libnot_there.so"), std::string::npos) << check.output();
}

} // namespace
} // namespace gatehouse::testing
