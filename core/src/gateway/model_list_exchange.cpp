#include <gatehouse/gateway/credential_failover.hpp>
#include <gatehouse/gateway/model_list_exchange.hpp>

namespace gatehouse::gateway {

gh_status ModelListExchange::respond(int httpStatus, std::string_view, std::string_view body) {
  if (responded() || httpStatus < 200 || httpStatus > 599)
    return GH_ERROR_INVALID_ARGUMENT;
  httpStatus_ = httpStatus;
  body_.assign(body);
  return GH_OK;
}

gh_status ModelListExchange::streamEvent(std::string_view) {
  return GH_ERROR_INVALID_ARGUMENT;
}

gh_status ModelListExchange::streamBegin(int, std::string_view) {
  return GH_ERROR_INVALID_ARGUMENT;
}

gh_status ModelListExchange::streamWrite(std::string_view) {
  return GH_ERROR_INVALID_ARGUMENT;
}

gh_status ModelListExchange::reportUsage(const gh_usage&) {
  return GH_OK;
}

gh_status ModelListExchange::sendUpstream(const UpstreamRequest& request,
                                          std::unique_ptr<UpstreamResponse>& response,
                                          UpstreamFailure& failure) {
  return sendWithCredentialFailover(provider_, credential_, request, response, failure);
}

} // namespace gatehouse::gateway
