#include <gatehouse/common/background_thread.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/billing_usage_sink.hpp>
#include <gatehouse/gateway/usage_event_view.hpp>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kComponent = "billing";

void logFailure(const std::string& plugin, const char* call, const UsageEvent& event,
                const PluginResult& result) {
  log::warn(kComponent, "billing plugin '" + plugin + "' " + call + " failed for request " + event.requestId +
                            " (status " + std::to_string(result.status) + "): " + result.message);
}

} // namespace

BillingUsageSink::BillingUsageSink(std::vector<Biller> billers, UsageSink* downstream,
                                   std::size_t queueCapacity)
    : billers_(std::move(billers)), downstream_(downstream), capacity_(queueCapacity) {
  thread_ = std::thread([this] { run(); });
}

std::vector<Biller> BillingUsageSink::billersFrom(const std::vector<BillingPlugin>& plugins) {
  std::vector<Biller> billers;
  for (const BillingPlugin& plugin : plugins) {
    billers.push_back(
        {plugin.name(), [&plugin](const gh_usage_event& event) { return plugin.price(event); },
         [&plugin](const gh_usage_event& event, std::int64_t cost) { return plugin.record(event, cost); }});
  }
  return billers;
}

BillingUsageSink::~BillingUsageSink() {
  stop(std::chrono::seconds(10));
}

void BillingUsageSink::submit(UsageEvent event) noexcept {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!stopping_ && queue_.size() < capacity_) {
      queue_.push_back(std::move(event));
      wake_.notify_one();
      return;
    }
  }
  // Counting is better than waiting: the request thread must never block on billing.
  bypassed_.fetch_add(1, std::memory_order_relaxed);
  forward(std::move(event));
}

void BillingUsageSink::stop(std::chrono::milliseconds timeout) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_)
      return;
    stopped_ = true;
    stopping_ = true;
    deadline_ = std::chrono::steady_clock::now() + timeout;
    wake_.notify_one();
  }
  if (thread_.joinable())
    thread_.join();
}

BillingSinkStats BillingUsageSink::stats() const {
  return {priced_.load(), unpriced_.load(), bypassed_.load(), pluginFailures_.load()};
}

void BillingUsageSink::run() {
  // Normal niceness on purpose: a starved billing thread would fill its queue, and events that
  // overflow it are forwarded unpriced.
  nameCurrentThread("gh-billing");
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty())
      return; // stopping, and everything is through
    UsageEvent event = std::move(queue_.front());
    queue_.pop_front();
    const bool late = stopping_ && std::chrono::steady_clock::now() >= deadline_;
    lock.unlock();
    if (late) {
      bypassed_.fetch_add(1, std::memory_order_relaxed);
    } else {
      bill(event);
    }
    forward(std::move(event));
    lock.lock();
  }
}

void BillingUsageSink::bill(UsageEvent& event) {
  const gh_usage_event view = usageEventView(event);
  std::int64_t cost = -1;
  for (const Biller& biller : billers_) {
    if (!biller.price)
      continue;
    PriceOutcome outcome;
    try {
      outcome = biller.price(view);
    } catch (const std::exception& e) {
      outcome.result = {GH_ERROR_INTERNAL, e.what()};
    }
    if (!outcome.result.ok()) {
      pluginFailures_.fetch_add(1, std::memory_order_relaxed);
      logFailure(biller.name, "price", event, outcome.result);
      continue;
    }
    if (outcome.costMicroUsd >= 0) {
      cost = outcome.costMicroUsd; // the first plugin that prices it wins
      break;
    }
  }
  (cost >= 0 ? priced_ : unpriced_).fetch_add(1, std::memory_order_relaxed);
  event.costMicroUsd = cost;

  for (const Biller& biller : billers_) {
    if (!biller.record)
      continue;
    PluginResult result;
    try {
      result = biller.record(view, cost);
    } catch (const std::exception& e) {
      result = {GH_ERROR_INTERNAL, e.what()};
    }
    if (!result.ok()) {
      pluginFailures_.fetch_add(1, std::memory_order_relaxed);
      logFailure(biller.name, "record", event, result);
    }
  }
}

void BillingUsageSink::forward(UsageEvent event) noexcept {
  if (downstream_ != nullptr)
    downstream_->submit(std::move(event));
}

} // namespace gatehouse::gateway
