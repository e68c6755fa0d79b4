// Paths of the TLS material tests/support/make_test_certs.sh generates at build time.
#pragma once

#include <string>

namespace gatehouse::testing {

struct TestCerts {
  static std::string directory();
  static std::string caFile();         // the test CA (trust this to reach the mock over TLS)
  static std::string caKeyFile();      // its key, to sign more certificates in a test
  static std::string otherCaFile();    // an unrelated CA: trusting only it must fail
  static std::string serverCertFile(); // for 127.0.0.1 and localhost, signed by the test CA
  static std::string serverKeyFile();
};

} // namespace gatehouse::testing
