// One upstream response a plugin opened through the FakeHost (what a gh_upstream* points
// to). It plays a FakeUpstreamResponse back and holds the plugin to the ABI's rules: the
// body is read in exactly one style, nothing is used after close, and views die when the
// ABI says they do (they are overwritten with '#', so a plugin that keeps one too long
// sends visible garbage instead of passing by luck). A misuse is refused with
// GH_ERROR_INVALID_ARGUMENT where the call has a status, and always listed in misuses().
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>
#include <gatehouse/testing/fake_multipart.hpp>
#include <gatehouse/testing/fake_upstream_response.hpp>
#include <gatehouse/testing/sse_parser.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

enum class FakeReadStyle { None, Body, Events, Chunks };

class FakeUpstream {
public:
  // The most upstream_read_chunk appends at once, as in the real host.
  static constexpr std::size_t kMaxChunk = 64 * 1024;

  explicit FakeUpstream(FakeUpstreamResponse response)
      : status_(response.status()), headers_(response.headers()), pieces_(response.pieces()),
        failAfter_(response.failAfter()), bodyFailure_(response.bodyFailure()) {}
  FakeUpstream(const FakeUpstream&) = delete;
  FakeUpstream& operator=(const FakeUpstream&) = delete;

  // --- what the FakeHost's upstream_* functions do ---
  int status() {
    usable("upstream_status");
    return status_;
  }
  std::string_view header(std::string_view name) {
    usable("upstream_header");
    for (const auto& [key, value] : headers_) {
      if (detail::equalsIgnoringCase(key, name)) {
        return value;
      }
    }
    return {};
  }

  gh_status readBody(std::string& out, FakeFailure& failure) {
    if (!claim(FakeReadStyle::Body, "upstream_read_body", failure)) {
      return failure.status;
    }
    std::string_view piece;
    while (true) {
      switch (take(piece, std::string_view::npos, failure)) {
      case Take::Piece: out.append(piece.data(), piece.size()); break;
      case Take::End: return GH_OK;
      case Take::Failed: return failure.status;
      }
    }
  }

  gh_status readChunk(std::string& out, FakeFailure& failure) {
    if (!claim(FakeReadStyle::Chunks, "upstream_read_chunk", failure)) {
      return failure.status;
    }
    std::string_view piece;
    switch (take(piece, kMaxChunk, failure)) {
    case Take::Piece: out.append(piece.data(), piece.size()); return GH_OK;
    case Take::End: return GH_OK;
    case Take::Failed: break;
    }
    return failure.status;
  }

  gh_status nextEvent(gh_sse_event& out, FakeFailure& failure) {
    if (out.struct_size < sizeof(gh_sse_event)) {
      return misuse("upstream_next_event: struct_size is smaller than gh_sse_event", failure);
    }
    if (!claim(FakeReadStyle::Events, "upstream_next_event", failure)) {
      return failure.status;
    }
    poison(event_);
    std::string_view piece;
    while (true) {
      if (std::optional<ParsedSseEvent> parsed = parser_.next(finished_)) {
        event_ = std::move(*parsed);
        out.end = 0;
        out.event = sdk::ghStr(event_.event);
        out.data = sdk::ghStr(event_.data);
        out.id = sdk::ghStr(event_.id);
        return GH_OK;
      }
      if (finished_) {
        out.end = 1;
        out.event = out.data = out.id = gh_str{nullptr, 0};
        return GH_OK;
      }
      switch (take(piece, std::string_view::npos, failure)) {
      case Take::Piece: parser_.feed(piece); break;
      case Take::End: break; // parse what is left with atEnd set
      case Take::Failed: return failure.status;
      }
    }
  }

  // By the plugin (upstream_close) or, for what it left open, by the host after handle.
  void close(bool byHost) {
    if (closed_) {
      if (!byHost) {
        misuses_.push_back("upstream_close: the upstream was already closed");
      }
      return;
    }
    closed_ = true;
    closedByHost_ = byHost;
    for (auto& header : headers_) {
      poison(header.second); // upstream_header views are valid only until close
    }
    poison(event_);
  }

  // --- what the test inspects ---
  bool closed() const { return closed_; }
  // Closed by the FakeHost because the plugin still held it when handle returned.
  bool closedByHost() const { return closedByHost_; }
  // The body was read to its clean end (the real host would pool the connection).
  bool fullyRead() const { return finished_ && !failed_; }
  FakeReadStyle readStyle() const { return style_; }
  const std::vector<std::string>& misuses() const { return misuses_; }

  gh_upstream* handle() { return reinterpret_cast<gh_upstream*>(this); }
  static FakeUpstream& from(gh_upstream* upstream) { return *reinterpret_cast<FakeUpstream*>(upstream); }

private:
  enum class Take { Piece, End, Failed };

  static void poison(std::string& text) { std::fill(text.begin(), text.end(), '#'); }
  static void poison(ParsedSseEvent& event) {
    poison(event.event);
    poison(event.data);
    poison(event.id);
  }

  void usable(const char* what) {
    if (closed_) {
      misuses_.push_back(std::string(what) + ": used after upstream_close");
    }
  }
  gh_status misuse(std::string why, FakeFailure& failure) {
    misuses_.push_back(why);
    failure = FakeFailure{GH_ERROR_INVALID_ARGUMENT, std::move(why)};
    return failure.status;
  }

  // The ABI's one-read-style rule, and no reads after close.
  bool claim(FakeReadStyle style, const char* what, FakeFailure& failure) {
    if (closed_) {
      misuse(std::string(what) + ": used after upstream_close", failure);
      return false;
    }
    if (style_ != FakeReadStyle::None && style_ != style) {
      misuse(std::string(what) + ": the body is already being read another way (one read style per response)",
             failure);
      return false;
    }
    style_ = style;
    return true;
  }

  // The next piece of the body, at most `limit` bytes, or its end, or the scripted cut.
  Take take(std::string_view& piece, std::size_t limit, FakeFailure& failure) {
    while (true) {
      if (failed_ || (offset_ == 0 && failAfter_ && next_ == *failAfter_)) {
        failed_ = true;
        failure = bodyFailure_;
        return Take::Failed;
      }
      if (next_ == pieces_.size()) {
        finished_ = true;
        return Take::End;
      }
      const std::string& current = pieces_[next_];
      const std::size_t size = std::min(limit, current.size() - offset_);
      piece = std::string_view(current).substr(offset_, size);
      offset_ += size;
      if (offset_ == current.size()) {
        ++next_;
        offset_ = 0;
      }
      if (!piece.empty()) {
        return Take::Piece;
      }
    }
  }

  int status_;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::vector<std::string> pieces_;
  std::optional<std::size_t> failAfter_;
  FakeFailure bodyFailure_;

  std::size_t next_ = 0;   // index of the next piece
  std::size_t offset_ = 0; // bytes of it already delivered
  bool finished_ = false;
  bool failed_ = false;
  FakeReadStyle style_ = FakeReadStyle::None;
  SseParser parser_;
  ParsedSseEvent event_;
  bool closed_ = false;
  bool closedByHost_ = false;
  std::vector<std::string> misuses_;
};

} // namespace gatehouse::testing
