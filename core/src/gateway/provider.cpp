#include <gatehouse/gateway/provider.hpp>

namespace gatehouse::gateway {

gh_status sendUpstreamThrough(const Provider& provider, const UpstreamRequest& request,
                              std::unique_ptr<UpstreamResponse>& response, UpstreamFailure& failure) {
  const std::shared_ptr<UpstreamClient>& client = provider.upstreamClient();
  if (client == nullptr) {
    failure.status = GH_ERROR_UNSUPPORTED;
    failure.message = "provider '" + provider.name() + "' has no upstream client";
    return failure.status;
  }
  const gh_status status = client->send(request, response, failure);
  if (status != GH_OK) {
    // The plugin reads the failure back (call_error) and may pass it on: never leave it blank.
    failure.status = status;
    if (failure.message.empty())
      failure.message = "the upstream request of provider '" + provider.name() + "' failed";
  }
  return status;
}

} // namespace gatehouse::gateway
