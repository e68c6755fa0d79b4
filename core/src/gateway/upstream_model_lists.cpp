#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/model_list_exchange.hpp>
#include <gatehouse/gateway/upstream_model_lists.hpp>

#include <exception>

namespace gatehouse::gateway {

UpstreamModelLists::UpstreamModelLists(std::vector<ListingProvider> providers, std::int64_t defaultCreated,
                                       Clock clock)
    : defaultCreated_(defaultCreated), clock_(std::move(clock)) {
  entries_.reserve(providers.size());
  for (ListingProvider& listing : providers)
    entries_.push_back(
        Entry{std::move(listing), {}, false, false, std::chrono::steady_clock::time_point::min()});
}

std::variant<std::vector<ListedModel>, std::string> UpstreamModelLists::fetch(const ListingProvider& listing,
                                                                              std::string_view requestId,
                                                                              std::int64_t defaultCreated) {
  ModelListExchange exchange(*listing.provider, requestId);
  PluginResult result;
  try {
    result = listing.provider->handle(exchange);
  } catch (const std::exception& e) {
    result = {GH_ERROR_INTERNAL, e.what()};
  }
  exchange.upstreams.closeAll();
  if (!result.ok())
    return "the provider failed (status " + std::to_string(result.status) + "): " + result.message;
  if (!exchange.responded())
    return std::string("the provider returned without answering");
  if (exchange.httpStatus() < 200 || exchange.httpStatus() > 299)
    return "the provider answered HTTP " + std::to_string(exchange.httpStatus());
  auto parsed = parseModelList(exchange.body(), defaultCreated);
  if (auto* problem = std::get_if<std::string>(&parsed))
    return "the provider's answer is not a model list (" + *problem + ")";
  auto& models = std::get<std::vector<ListedModel>>(parsed);
  for (ListedModel& model : models) {
    model.id.insert(0, listing.name + "/");
    model.ownedBy = listing.name;
  }
  return std::move(models);
}

void UpstreamModelLists::refresh(std::size_t index, std::string_view requestId) {
  const ListingProvider& listing = entries_[index].listing; // immutable after construction
  std::variant<std::vector<ListedModel>, std::string> fetched;
  try {
    fetched = fetch(listing, requestId, defaultCreated_);
  } catch (const std::exception& e) {
    fetched = std::string(e.what()); // the entry must not stay claimed forever
  }
  const auto now = clock_();
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[index];
  entry.refreshing = false;
  if (auto* models = std::get_if<std::vector<ListedModel>>(&fetched)) {
    entry.models = std::move(*models);
    entry.fetchedOnce = true;
    entry.nextRefresh = now + kTimeToLive;
    return;
  }
  entry.nextRefresh = now + kRetryAfterFailure;
  log::warn("gateway",
            "request " + std::string(requestId) + ": could not list the upstream models of provider '" +
                listing.name + "': " + std::get<std::string>(fetched) +
                (entry.fetchedOnce ? "; serving the previous list" : "; serving only configured models"));
}

std::vector<ListedModel> UpstreamModelLists::current(std::string_view requestId) {
  std::vector<std::size_t> due;
  {
    const auto now = clock_();
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      Entry& entry = entries_[i];
      if (!entry.refreshing && now >= entry.nextRefresh) {
        entry.refreshing = true; // claimed: concurrent requests serve what is cached
        due.push_back(i);
      }
    }
  }
  for (const std::size_t index : due)
    refresh(index, requestId);

  std::vector<ListedModel> all;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const Entry& entry : entries_)
    all.insert(all.end(), entry.models.begin(), entry.models.end());
  return all;
}

} // namespace gatehouse::gateway
