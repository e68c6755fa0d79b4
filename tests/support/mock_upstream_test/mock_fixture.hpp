// One mock upstream process per test suite, and JSON helpers for its answers.
#pragma once

#include <gatehouse/testing/mock_upstream_process.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <string>

#include "mock_client.hpp"

namespace gatehouse::mock::test {

class MockUpstreamTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { mock_ = std::make_unique<testing::MockUpstreamProcess>(); }
  static void TearDownTestSuite() { mock_.reset(); }

  static testing::MockUpstreamProcess& mock() { return *mock_; }
  static MockClient client() { return MockClient(*mock_); }

  inline static std::unique_ptr<testing::MockUpstreamProcess> mock_;
};

// Parses JSON text; fails the test (and returns a null document) when it is not JSON.
rapidjson::Document parseJson(const std::string& text);

} // namespace gatehouse::mock::test
