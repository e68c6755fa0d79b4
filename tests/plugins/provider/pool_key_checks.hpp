// Checks shared by the provider plugins' tests of pool credentials (ABI 1.3
// exchange_credential): which key went upstream, and that it went nowhere else.
#pragma once

#include <gatehouse/testing/fake_exchange.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace gatehouse::testing {

// Every request `exchange` sent has `header` equal to `expectedValue` (e.g. "Bearer " + the
// pool key), and no header anywhere holds `configuredKey`.
inline void expectEveryRequestCarries(const FakeExchange& exchange, std::string_view header,
                                      const std::string& expectedValue, std::string_view configuredKey) {
  ASSERT_FALSE(exchange.upstream().requests().empty());
  for (const auto& request : exchange.upstream().requests()) {
    EXPECT_EQ(request.header(header), expectedValue) << request.url;
    for (const auto& [name, value] : request.headers) {
      EXPECT_EQ(value.find(configuredKey), std::string::npos) << name;
    }
  }
}

// Nothing the client (body, stream events) or the operator (the plugin's last error, its
// logs) can see holds `secret`.
inline void expectNothingVisibleHolds(const FakeHost& host, const FakeExchange& exchange,
                                      std::string_view secret) {
  EXPECT_EQ(exchange.responseBody().find(secret), std::string::npos) << exchange.responseBody();
  EXPECT_EQ(host.lastError().find(secret), std::string::npos) << host.lastError();
  for (const std::string& event : exchange.events()) {
    EXPECT_EQ(event.find(secret), std::string::npos) << event;
  }
  EXPECT_FALSE(host.logs().contains(std::string(secret)));
}

} // namespace gatehouse::testing
