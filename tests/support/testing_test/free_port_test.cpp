#include <gatehouse/testing/free_port.hpp>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <gtest/gtest.h>

namespace gatehouse::testing {
namespace {

TEST(FreePort, ReturnsAPortThatCanBeBound) {
  auto port = pickFreeLoopbackPort();
  EXPECT_GT(port, 0);
  Poco::Net::ServerSocket socket;
  EXPECT_NO_THROW(socket.bind(Poco::Net::SocketAddress("127.0.0.1", port), false));
}

TEST(FreePort, DoesNotReturnAPortInUse) {
  Poco::Net::ServerSocket held(Poco::Net::SocketAddress("127.0.0.1", 0));
  for (int i = 0; i < 20; ++i)
    EXPECT_NE(pickFreeLoopbackPort(), held.address().port());
}

} // namespace
} // namespace gatehouse::testing
