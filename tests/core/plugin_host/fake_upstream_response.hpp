// A scripted upstream response for plugin-host tests: a status, headers, a body read
// whole or in fixed-size chunks, a list of Server-Sent Events, and an optional failure
// every read reports. A shared counter shows when the host destroyed (closed) it.
#pragma once

#include <gatehouse/plugin_host/upstream.hpp>

#include <algorithm>
#include <cctype>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::host_testing {

// Records the responses the host has destroyed; tests hold it past a response's life.
struct UpstreamTracker {
  int destroyed = 0;
  std::vector<int> destroyedStatuses; // in the order they went
};

struct ScriptedEvent {
  std::string event;
  std::string data;
  std::string id;
};

class FakeUpstreamResponse : public UpstreamResponse {
public:
  explicit FakeUpstreamResponse(int status, std::shared_ptr<UpstreamTracker> tracker = nullptr)
      : status_(status), tracker_(std::move(tracker)) {}
  ~FakeUpstreamResponse() override {
    if (tracker_) {
      ++tracker_->destroyed;
      tracker_->destroyedStatuses.push_back(status_);
    }
  }
  FakeUpstreamResponse(const FakeUpstreamResponse&) = delete;
  FakeUpstreamResponse& operator=(const FakeUpstreamResponse&) = delete;

  // The script.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::size_t chunkSize = 4;
  std::deque<ScriptedEvent> events;
  UpstreamFailure readFailure; // status != GH_OK: every read fails with it
  bool throwOnRead = false;    // stands in for socket code that throws

  int status() const override { return status_; }

  std::string_view header(std::string_view name) const override {
    for (const auto& [key, value] : headers) {
      if (equalsIgnoringCase(key, name)) {
        return value;
      }
    }
    return {};
  }

  gh_status readBody(std::string& out, UpstreamFailure& failure) override {
    if (const gh_status status = failed(failure); status != GH_OK) {
      return status;
    }
    out.append(body, position_);
    position_ = body.size();
    return GH_OK;
  }

  gh_status nextEvent(SseEventView& out, UpstreamFailure& failure) override {
    if (const gh_status status = failed(failure); status != GH_OK) {
      return status;
    }
    if (events.empty()) {
      out = SseEventView{true, {}, {}, {}};
      return GH_OK;
    }
    // Kept here so the views stay valid until the next read, as the interface promises.
    current_ = std::move(events.front());
    events.pop_front();
    out = SseEventView{false, current_.event, current_.data, current_.id};
    return GH_OK;
  }

  gh_status readChunk(std::string& out, UpstreamFailure& failure) override {
    if (const gh_status status = failed(failure); status != GH_OK) {
      return status;
    }
    const std::size_t length = std::min(chunkSize, body.size() - position_);
    out.append(body, position_, length);
    position_ += length;
    return GH_OK;
  }

private:
  static bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  }

  gh_status failed(UpstreamFailure& failure) const {
    if (throwOnRead) {
      throw std::runtime_error("socket exploded");
    }
    if (readFailure.status != GH_OK) {
      failure = readFailure;
    }
    return readFailure.status;
  }

  int status_;
  std::shared_ptr<UpstreamTracker> tracker_;
  std::size_t position_ = 0;
  ScriptedEvent current_;
};

} // namespace gatehouse::host_testing
