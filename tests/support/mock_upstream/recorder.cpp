#include "recorder.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <vector>

#include "encoding.hpp"
#include "json_text.hpp"

namespace gatehouse::mock {

Recorder::Recorder(std::size_t capacity) : capacity_(std::max<std::size_t>(1, capacity)) {
}

void Recorder::record(const std::shared_ptr<const HttpRequest>& request, bool tls) {
  Entry entry;
  entry.tls = tls;
  entry.bodySize = request->body.size();
  entry.request = request;
  if (request->body.size() > kMaxRecordedBody) {
    auto truncated = std::make_shared<HttpRequest>(*request);
    truncated->body.resize(kMaxRecordedBody);
    entry.request = std::move(truncated);
  }
  std::deque<Entry> evicted; // freed after the lock is released
  std::lock_guard lock(mutex_);
  entry.sequence = nextSequence_++;
  bytes_ += entry.request->body.size();
  entries_.push_back(std::move(entry));
  while (entries_.size() > capacity_ || (bytes_ > kMaxRecordedBytes && entries_.size() > 1)) {
    bytes_ -= entries_.front().request->body.size();
    evicted.push_back(std::move(entries_.front()));
    entries_.pop_front();
    ++dropped_;
  }
}

void Recorder::clear() {
  std::deque<Entry> cleared;
  std::lock_guard lock(mutex_);
  cleared.swap(entries_);
  bytes_ = 0;
  dropped_ = 0;
}

std::string Recorder::toJson() const {
  std::deque<Entry> snapshot;
  std::uint64_t dropped = 0;
  {
    std::lock_guard lock(mutex_);
    snapshot = entries_;
    dropped = dropped_;
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
  json.StartObject();
  json.Key("requests");
  json.StartArray();
  for (const auto& entry : snapshot) {
    const auto& request = *entry.request;
    json.StartObject();
    json.Key("sequence");
    json.Uint64(entry.sequence);
    json.Key("tls");
    json.Bool(entry.tls);
    json.Key("method");
    writeString(json, request.method);
    json.Key("target");
    writeString(json, request.target);
    // Headers as an object for easy lookups; a repeated header keeps every value, joined
    // the way HTTP allows.
    json.Key("headers");
    json.StartObject();
    std::vector<std::pair<std::string, std::string>> merged;
    for (const auto& [name, value] : request.headers) {
      auto found = std::find_if(merged.begin(), merged.end(), [&](const auto& m) { return m.first == name; });
      if (found == merged.end())
        merged.emplace_back(name, value);
      else
        found->second += ", " + value;
    }
    for (const auto& [name, value] : merged) {
      writeKey(json, name);
      writeString(json, value);
    }
    json.EndObject();
    json.Key("body_size");
    json.Uint64(entry.bodySize);
    json.Key("body_truncated");
    json.Bool(entry.bodySize > request.body.size());
    // JSON strings must be UTF-8: binary uploads (audio) come back base64-encoded.
    if (isValidUtf8(request.body)) {
      json.Key("body");
      writeString(json, request.body);
    } else {
      json.Key("body_base64");
      writeString(json, base64Encode(request.body));
    }
    json.EndObject();
  }
  json.EndArray();
  json.Key("dropped");
  json.Uint64(dropped);
  json.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace gatehouse::mock
