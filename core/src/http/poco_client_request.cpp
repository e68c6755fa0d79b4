#include <gatehouse/http/poco_client_request.hpp>
#include <gatehouse/http/router.hpp>

#include <Poco/Net/HTTPServerRequest.h>

namespace gatehouse::http {

PocoClientRequest::PocoClientRequest(const Poco::Net::HTTPServerRequest& request, std::string_view path)
    : request_(request), path_(path) {
}

std::string_view PocoClientRequest::header(std::string_view name) const {
  static const std::string kAbsent;
  // NameValueCollection compares names case-insensitively, as HTTP requires.
  return request_.get(std::string(name), kAbsent);
}

std::string_view PocoClientRequest::method() const {
  return request_.getMethod();
}

std::string_view PocoClientRequest::query() const {
  return queryOf(request_.getURI());
}

std::string_view PocoClientRequest::clientAddress() const {
  if (!clientAddress_)
    clientAddress_ = request_.clientAddress().host().toString();
  return *clientAddress_;
}

} // namespace gatehouse::http
