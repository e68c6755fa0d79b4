#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/credential_failover.hpp>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kComponent = "credentials";

// `text` with each occurrence of a secret of `earlier` replaced by `current`, scanning left
// to right so that a replacement is never itself searched again.
bool replaceIn(std::string_view text, const std::vector<std::string_view>& earlier, std::string_view current,
               std::string& out) {
  out.clear();
  bool replaced = false;
  std::size_t copiedUpTo = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t matched = 0;
    for (std::string_view secret : earlier) {
      if (secret.size() > matched && text.compare(at, secret.size(), secret) == 0) {
        matched = secret.size();
      }
    }
    if (matched == 0) {
      ++at;
      continue;
    }
    out.append(text.substr(copiedUpTo, at - copiedUpTo)).append(current);
    at += matched;
    copiedUpTo = at;
    replaced = true;
  }
  if (replaced) {
    out.append(text.substr(copiedUpTo));
  }
  return replaced;
}

bool carries(const UpstreamRequest& request, std::string_view secret) {
  if (request.url.find(secret) != std::string_view::npos) {
    return true;
  }
  for (const auto& header : request.headers) {
    if (header.second.find(secret) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

bool replaceCredential(const UpstreamRequest& original, const std::vector<std::string_view>& earlier,
                       std::string_view current, RewrittenRequest& out) {
  out.request = original;
  // Reserved up front: the views below point into these strings.
  out.headerValues.assign(original.headers.size(), std::string());
  bool replaced = false;
  if (replaceIn(original.url, earlier, current, out.url)) {
    out.request.url = out.url;
    replaced = true;
  }
  for (std::size_t i = 0; i < original.headers.size(); ++i) {
    if (replaceIn(original.headers[i].second, earlier, current, out.headerValues[i])) {
      out.request.headers[i].second = out.headerValues[i];
      replaced = true;
    }
  }
  return replaced;
}

gh_status sendWithCredentialFailover(const Provider& provider, CredentialLease& lease,
                                     const UpstreamRequest& request,
                                     std::unique_ptr<UpstreamResponse>& response, UpstreamFailure& failure) {
  RewrittenRequest rewritten;
  const UpstreamRequest* outgoing = &request;
  // A plugin that kept the key from before a move (a second request of the same exchange)
  // still sends the one the exchange holds now.
  if (lease.moved() && replaceCredential(request, lease.earlierSecrets(), lease.secret(), rewritten)) {
    outgoing = &rewritten.request;
  }
  for (;;) {
    const gh_status status = sendUpstreamThrough(provider, *outgoing, response, failure);
    if (status != GH_OK || !lease.observe(*response)) {
      return status;
    }
    const std::string refusedName(lease.name());
    if (!carries(*outgoing, lease.secret()) || !lease.moveToUntried() ||
        !replaceCredential(request, lease.earlierSecrets(), lease.secret(), rewritten)) {
      return status; // nothing else to try: the plugin gets the refusal
    }
    log::debug(kComponent, "provider '" + provider.name() + "': credential '" + refusedName +
                               "' was refused; sending the request again with '" + std::string(lease.name()) +
                               "'");
    outgoing = &rewritten.request;
    response.reset(); // its connection closes: the refusal's body is not worth reading
  }
}

} // namespace gatehouse::gateway
