// The UsageSink in front of the usage writer when billing plugins are loaded: prices each event
// and hands it to every plugin's record, on its own thread, so plugin calls never run on the
// request path; then forwards the (priced) event downstream.
//
// Never loses and never blocks: when its bounded queue is full, or after stop(), an event goes
// straight downstream unpriced (cost -1) and is counted in stats().bypassed.
#pragma once

#include <gatehouse/plugin_host/billing_plugin.hpp>
#include <gatehouse/usage/usage_sink.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gatehouse::gateway {

struct Biller {
  std::string name; // the plugin's, for logs
  std::function<PriceOutcome(const gh_usage_event&)> price;
  std::function<PluginResult(const gh_usage_event&, std::int64_t costMicroUsd)> record;
};

struct BillingSinkStats {
  std::uint64_t priced = 0;         // forwarded with a cost from a plugin
  std::uint64_t unpriced = 0;       // went through the plugins, none priced it
  std::uint64_t bypassed = 0;       // forwarded without the plugins (queue full or stopped)
  std::uint64_t pluginFailures = 0; // price or record calls that failed
};

class BillingUsageSink final : public UsageSink {
public:
  // `downstream` (may be null: events are then only billed) must outlive this sink.
  BillingUsageSink(std::vector<Biller> billers, UsageSink* downstream, std::size_t queueCapacity);
  // The plugins must outlive the sink.
  static std::vector<Biller> billersFrom(const std::vector<BillingPlugin>& plugins);
  // stop() with a 10 s deadline when not stopped already.
  ~BillingUsageSink() override;
  BillingUsageSink(const BillingUsageSink&) = delete;
  BillingUsageSink& operator=(const BillingUsageSink&) = delete;

  void submit(UsageEvent event) noexcept override;
  // Bills and forwards what is queued until the deadline, forwards the rest unpriced, ends the
  // thread. Later submits go downstream unpriced.
  void stop(std::chrono::milliseconds timeout);
  BillingSinkStats stats() const;

private:
  void run();
  void bill(UsageEvent& event);
  void forward(UsageEvent event) noexcept;

  std::vector<Biller> billers_;
  UsageSink* downstream_;
  std::size_t capacity_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<UsageEvent> queue_;
  bool stopping_ = false;
  bool stopped_ = false;
  std::chrono::steady_clock::time_point deadline_;

  std::atomic<std::uint64_t> priced_{0}, unpriced_{0}, bypassed_{0}, pluginFailures_{0};
  std::thread thread_;
};

} // namespace gatehouse::gateway
