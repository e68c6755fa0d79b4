#include <gatehouse/testing/test_certs.hpp>

namespace gatehouse::testing {

std::string TestCerts::directory() {
  return GATEHOUSE_TEST_CERT_DIR;
}
std::string TestCerts::caFile() {
  return directory() + "/ca.pem";
}
std::string TestCerts::caKeyFile() {
  return directory() + "/ca.key";
}
std::string TestCerts::otherCaFile() {
  return directory() + "/other-ca.pem";
}
std::string TestCerts::serverCertFile() {
  return directory() + "/server.pem";
}
std::string TestCerts::serverKeyFile() {
  return directory() + "/server.key";
}

} // namespace gatehouse::testing
