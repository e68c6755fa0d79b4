// A real gatehouse process whose provider plugins talk to real mock upstream servers: the
// fixture for end-to-end tests of provider plugins and the host's upstream I/O. Helpers
// read what the upstream received (the mock's recorder) and what the gateway recorded
// (its SQLite usage table).
#pragma once

#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse_test/raw_http_client.hpp>

#include <rapidjson/document.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../gateway_process.hpp"

namespace gatehouse::testing {

inline rapidjson::Document parseJsonText(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  return document;
}

// The requests a mock upstream recorded, oldest first (see docs/providers.md, Recorder).
inline rapidjson::Document recordedRequests(std::uint16_t mockPort) {
  const RawResponse response = roundTrip(mockPort, buildRequest("GET", "/__mock/requests"));
  return parseJsonText(response.body);
}

inline void resetRecorder(std::uint16_t mockPort) {
  roundTrip(mockPort, buildRequest("POST", "/__mock/reset"));
}

// One recorded request, copied out of the recorder's answer.
struct UpstreamRequestRecord {
  std::string method;
  std::string target;
  std::string body;
  rapidjson::Document headers;

  std::string header(const char* lowercaseName) const {
    const auto found = headers.FindMember(lowercaseName);
    return found == headers.MemberEnd() ? std::string() : std::string(found->value.GetString());
  }
};

inline std::optional<UpstreamRequestRecord> lastUpstreamRequest(std::uint16_t mockPort) {
  const rapidjson::Document recorded = recordedRequests(mockPort);
  if (!recorded.IsObject() || !recorded["requests"].IsArray() || recorded["requests"].Empty()) {
    return std::nullopt;
  }
  const rapidjson::Value& last = recorded["requests"][recorded["requests"].Size() - 1];
  UpstreamRequestRecord record;
  record.method = last["method"].GetString();
  record.target = last["target"].GetString();
  if (last.HasMember("body")) {
    record.body = last["body"].GetString();
  }
  record.headers.CopyFrom(last["headers"], record.headers.GetAllocator());
  return record;
}

// One row of the gateway's usage_events table.
struct StoredUsageRow {
  int httpStatus = 0;
  std::int64_t promptTokens = 0;
  std::int64_t completionTokens = 0;
  std::int64_t images = 0;
  std::int64_t audioMs = 0;
  std::int64_t characters = 0;
  int endpoint = 0;
  bool streamed = false;
  std::string provider;
  std::string upstreamModel;
};

// Polls the gateway's SQLite store (WAL: readable while the gateway writes) for the usage
// row of `requestId`, for up to `timeout`.
inline std::optional<StoredUsageRow> waitForUsageRow(const std::string& databasePath, const std::string& requestId,
                                                     std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  do {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(databasePath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 1000);
      sqlite3_stmt* statement = nullptr;
      const char* sql = "SELECT http_status, prompt_tokens, completion_tokens, images, audio_ms, characters, "
                        "endpoint, streamed, provider, upstream_model FROM usage_events WHERE request_id = ?";
      std::optional<StoredUsageRow> row;
      if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(statement, 1, requestId.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(statement) == SQLITE_ROW) {
          row = StoredUsageRow{sqlite3_column_int(statement, 0),
                               sqlite3_column_int64(statement, 1),
                               sqlite3_column_int64(statement, 2),
                               sqlite3_column_int64(statement, 3),
                               sqlite3_column_int64(statement, 4),
                               sqlite3_column_int64(statement, 5),
                               sqlite3_column_int(statement, 6),
                               sqlite3_column_int(statement, 7) != 0,
                               reinterpret_cast<const char*>(sqlite3_column_text(statement, 8)),
                               reinterpret_cast<const char*>(sqlite3_column_text(statement, 9))};
        }
      }
      sqlite3_finalize(statement);
      sqlite3_close(db);
      if (row) {
        return row;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < deadline);
  return std::nullopt;
}

} // namespace gatehouse::testing
