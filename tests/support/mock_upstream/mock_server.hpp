// The listening socket (plain or TLS), the connection threads, and what they share.
#pragma once

#include <cstdint>
#include <memory>

#include "mock_options.hpp"

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
}
} // namespace Poco

namespace gatehouse::mock {

class Recorder;
class Router;

class MockServer {
public:
  // Binds at once, so a bad address or certificate fails here. Throws Poco::Exception.
  explicit MockServer(MockOptions options);
  ~MockServer();

  void start();
  std::uint16_t port() const;

private:
  MockOptions options_;
  std::unique_ptr<Recorder> recorder_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<Poco::ThreadPool> threads_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
};

} // namespace gatehouse::mock
