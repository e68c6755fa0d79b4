#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/plugin_host/request_redaction.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

namespace gatehouse {
namespace {

void addIfLong(std::vector<std::string_view>& fragments, std::string_view fragment) {
  if (fragment.size() >= secrets::kMinRedactedLength) {
    fragments.push_back(fragment);
  }
}

// Splits `text` at every `separator`, skipping empty pieces.
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  while (!text.empty()) {
    const std::size_t end = text.find(separator);
    if (end != 0) {
      pieces.push_back(text.substr(0, end));
    }
    if (end == std::string_view::npos) {
      break;
    }
    text.remove_prefix(end + 1);
  }
  return pieces;
}

void addQuery(std::vector<std::string_view>& fragments, std::string_view url) {
  const std::size_t mark = url.find('?');
  if (mark == std::string_view::npos) {
    return;
  }
  std::string_view withMark = url.substr(mark);
  withMark = withMark.substr(0, withMark.find('#'));
  if (withMark.size() > 1) {
    fragments.push_back(withMark); // even a short query: it is never an ordinary word
  }
  const std::string_view query = withMark.substr(1);
  addIfLong(fragments, query);
  for (const std::string_view parameter : split(query, '&')) {
    const std::size_t equals = parameter.find('=');
    addIfLong(fragments, equals == std::string_view::npos ? parameter : parameter.substr(equals + 1));
  }
}

void addUserInfo(std::vector<std::string_view>& fragments, std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    return;
  }
  std::string_view authority = url.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos && at > 0) {
    fragments.push_back(authority.substr(0, at));
  }
}

void replaceAll(std::string& text, std::string_view fragment) {
  constexpr std::string_view kMarker = secrets::kRedactedMarker;
  for (std::size_t at = text.find(fragment); at != std::string::npos; at = text.find(fragment, at)) {
    text.replace(at, fragment.size(), kMarker);
    at += kMarker.size();
  }
}

} // namespace

void redactRequestDetails(std::string& message, const UpstreamRequest& request) {
  std::vector<std::string_view> fragments;
  addQuery(fragments, request.url);
  addUserInfo(fragments, request.url);
  for (const auto& header : request.headers) {
    addIfLong(fragments, header.second);
    for (const std::string_view word : split(header.second, ' ')) {
      addIfLong(fragments, word);
    }
  }
  // Longest first, so a value is masked whole before any piece of it is.
  std::sort(fragments.begin(), fragments.end(),
            [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  for (const std::string_view fragment : fragments) {
    replaceAll(message, fragment);
  }
}

} // namespace gatehouse
