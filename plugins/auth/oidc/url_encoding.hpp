// Percent-encoding for the URLs and form bodies of the OAuth 2.0 protocol: the
// authorization request's query, the token request's form body and the callback's query.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::plugins::oidc {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Every byte but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX, so the
// result is safe in a query value and in an application/x-www-form-urlencoded body.
std::string percentEncode(std::string_view text);

// name=value pairs joined with '&', both sides percent-encoded.
std::string encodeForm(const FormFields& fields);

// Splits a query string or form body into its name/value pairs, decoding %XX and '+'
// (a space, as HTML forms send it). nullopt when a %-escape is malformed. Empty pieces
// ("a=1&&b=2") are skipped; a piece without '=' has an empty value.
std::optional<FormFields> parseForm(std::string_view text);

// The first value of `name` in `fields`, or nullopt when absent.
std::optional<std::string> formValue(const FormFields& fields, std::string_view name);

} // namespace gatehouse::plugins::oidc
