#include "multipart_form.hpp"

#include <algorithm>
#include <cctype>

namespace gatehouse::mock {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

// Reads `name=value` or `name="quoted value"` parameters after the first ';'.
std::optional<std::string> headerParameter(std::string_view header, std::string_view wanted) {
  auto skipSpaces = [&](std::size_t i) {
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t'))
      ++i;
    return i;
  };
  std::size_t i = header.find(';');
  while (i != std::string_view::npos) {
    i = skipSpaces(i + 1);
    auto eq = header.find('=', i);
    if (eq == std::string_view::npos)
      return std::nullopt;
    auto name = lower(trim(header.substr(i, eq - i)));
    i = skipSpaces(eq + 1);
    std::string value;
    if (i < header.size() && header[i] == '"') {
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header[i] == '\\' && i + 1 < header.size())
          ++i;
        value += header[i];
      }
      if (i >= header.size())
        return std::nullopt;
      i = header.find(';', i + 1);
    } else {
      auto end = header.find(';', i);
      value = std::string(
          trim(header.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i)));
      i = end;
    }
    if (name == wanted)
      return value;
  }
  return std::nullopt;
}

bool readPartHeaders(std::string_view headers, FormPart& part) {
  bool sawDisposition = false;
  while (!headers.empty()) {
    auto end = headers.find("\r\n");
    auto line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    auto colon = line.find(':');
    if (colon == std::string_view::npos)
      return false;
    auto name = lower(trim(line.substr(0, colon)));
    auto value = trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      if (lower(value.substr(0, value.find(';'))) != "form-data")
        return false;
      auto fieldName = headerParameter(value, "name");
      if (!fieldName)
        return false;
      part.name = *fieldName;
      part.filename = headerParameter(value, "filename");
      sawDisposition = true;
    } else if (name == "content-type") {
      part.contentType = std::string(value);
    }
  }
  return sawDisposition;
}

} // namespace

std::optional<std::string> formBoundary(std::string_view contentType) {
  if (lower(trim(contentType.substr(0, contentType.find(';')))) != "multipart/form-data")
    return std::nullopt;
  auto boundary = headerParameter(contentType, "boundary");
  // RFC 2046 allows 1 to 70 characters.
  if (!boundary || boundary->empty() || boundary->size() > 70)
    return std::nullopt;
  return boundary;
}

std::optional<std::vector<FormPart>> parseMultipartForm(std::string_view body, std::string_view boundary) {
  std::string delimiter = "--" + std::string(boundary);
  std::vector<FormPart> parts;
  std::string nextDelimiter = "\r\n" + delimiter;
  // The first delimiter opens the body or ends a line of preamble.
  std::size_t at = 0;
  if (body.substr(0, delimiter.size()) != delimiter) {
    at = body.find(nextDelimiter);
    if (at == std::string_view::npos)
      return std::nullopt;
    at += 2;
  }
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--")
      return parts;
    // Transport padding (spaces) may sit between the delimiter and its CRLF.
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t'))
      ++at;
    if (body.substr(at, 2) != "\r\n")
      return std::nullopt;
    at += 2;
    auto headersEnd = body.find("\r\n\r\n", at);
    // A part with no headers at all starts with the blank line directly.
    FormPart part;
    std::size_t contentStart = 0;
    if (body.substr(at, 2) == "\r\n") {
      contentStart = at + 2;
    } else {
      if (headersEnd == std::string_view::npos || !readPartHeaders(body.substr(at, headersEnd - at), part))
        return std::nullopt;
      contentStart = headersEnd + 4;
    }
    auto contentEnd = body.find(nextDelimiter, contentStart);
    if (contentEnd == std::string_view::npos)
      return std::nullopt;
    part.body = std::string(body.substr(contentStart, contentEnd - contentStart));
    if (part.name.empty())
      return std::nullopt;
    parts.push_back(std::move(part));
    at = contentEnd + 2;
  }
}

const FormPart* findPart(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& part : parts) {
    if (part.name == name)
      return &part;
  }
  return nullptr;
}

} // namespace gatehouse::mock
