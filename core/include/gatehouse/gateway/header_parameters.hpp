// Splits a header value with parameters (RFC 9110 / RFC 6266 syntax), such as
//   multipart/form-data; boundary="abc"      or      form-data; name="file"; filename="a.wav"
// into its leading value and its parameters, without copying: every piece is a view into
// the header value.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

struct HeaderParameter {
  std::string_view name;  // as sent; compare case-insensitively
  std::string_view value; // without surrounding quotes; backslash escapes are left as sent
};

struct ParameterizedValue {
  std::string_view value; // the part before the first ';', trimmed
  std::vector<HeaderParameter> parameters;
};

// nullopt when a parameter has no '=' or a name, or a quoted value is not closed.
// Empty parameters (";;") are skipped.
std::optional<ParameterizedValue> parseHeaderParameters(std::string_view headerValue);

// The first parameter called `name` (case-insensitive), if any.
std::optional<std::string_view> findParameter(const ParameterizedValue& parsed, std::string_view name);


} // namespace gatehouse::gateway
