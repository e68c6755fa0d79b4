// The handle other suites use to run a mock upstream.
#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse/testing/test_certs.hpp>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sys/wait.h>

namespace gatehouse::testing {
namespace {

TEST(MockUpstreamProcess, StartsOnAFreePortAndAnswers) {
  MockUpstreamProcess mock;
  EXPECT_GT(mock.port(), 0);
  EXPECT_EQ(mock.baseUrl(), "http://127.0.0.1:" + std::to_string(mock.port()));
  Poco::Net::HTTPClientSession session(mock.host(), mock.port());
  Poco::Net::HTTPRequest request("GET", "/__mock/health");
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK);
}

TEST(MockUpstreamProcess, StopsItsProcessWhenDestroyed) {
  pid_t pid = 0;
  {
    MockUpstreamProcess mock;
    pid = mock.process().pid();
  }
  EXPECT_EQ(waitpid(pid, nullptr, WNOHANG), -1);
}

TEST(MockUpstreamProcess, BadArgumentsThrowWithTheMocksMessage) {
  MockUpstreamOptions options;
  options.extraArgs = {"--bogus"};
  try {
    MockUpstreamProcess mock(options);
    FAIL() << "started with a bad argument";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("--bogus"), std::string::npos) << error.what();
  }
}

TEST(TestCerts, GeneratedFilesExist) {
  for (const auto& file : {TestCerts::caFile(), TestCerts::caKeyFile(), TestCerts::otherCaFile(),
                           TestCerts::serverCertFile(), TestCerts::serverKeyFile()})
    EXPECT_TRUE(std::filesystem::exists(file)) << file;
}

} // namespace
} // namespace gatehouse::testing
