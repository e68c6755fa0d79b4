#include <gatehouse/gateway/embeddings_request.hpp>

#include "json_request.hpp"

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kInputForms =
    "a string, an array of strings, an array of token ids or an array of token id arrays";

enum class ItemKind { Text, Token, TokenArray, Other };

ItemKind kindOf(const json::Value& item) {
  if (item.IsString())
    return ItemKind::Text;
  if (item.IsUint64())
    return ItemKind::Token;
  if (item.IsArray())
    return ItemKind::TokenArray;
  return ItemKind::Other;
}

std::string_view describe(ItemKind kind) {
  switch (kind) {
  case ItemKind::Text: return "a string, like the first item";
  case ItemKind::Token: return "a token id (a non-negative integer), like the first item";
  case ItemKind::TokenArray: return "an array of token ids, like the first item";
  case ItemKind::Other: break;
  }
  return kInputForms;
}

std::optional<http::ApiError> validateTokenArray(const json::Value& tokens, const std::string& param) {
  if (tokens.Empty())
    return http::badRequest("'" + param + "' must not be empty.", param, "empty_array");
  rapidjson::SizeType index = 0;
  for (const json::Value& token : tokens.GetArray()) {
    if (!token.IsUint64()) {
      return json::wrongType(param + "[" + std::to_string(index) + "]",
                             "a token id (a non-negative integer)");
    }
    ++index;
  }
  return std::nullopt;
}

std::optional<http::ApiError> validateInputArray(const json::Value& input) {
  if (input.Empty())
    return http::badRequest("'input' must not be empty.", "input", "empty_array");
  const ItemKind kind = kindOf(input[0]);
  if (kind == ItemKind::Other)
    return json::wrongType("input[0]", "a string, a token id or an array of token ids");
  rapidjson::SizeType index = 0;
  for (const json::Value& item : input.GetArray()) {
    const std::string param = "input[" + std::to_string(index++) + "]";
    if (kindOf(item) != kind)
      return json::wrongType(param, describe(kind));
    if (kind == ItemKind::Text && item.GetStringLength() == 0)
      return json::invalidValue(param, "'" + param + "' must not be an empty string.");
    if (kind == ItemKind::TokenArray) {
      if (auto error = validateTokenArray(item, param))
        return error;
    }
  }
  return std::nullopt;
}

std::optional<http::ApiError> validate(const json::Value& root, ModelRequest& request) {
  if (auto error = json::readModel(root, request))
    return error;
  const auto input = root.FindMember("input");
  if (input == root.MemberEnd())
    return json::missing("input");
  if (input->value.IsString()) {
    if (input->value.GetStringLength() == 0)
      return json::invalidValue("input", "'input' must not be empty.");
    return std::nullopt;
  }
  if (!input->value.IsArray())
    return json::wrongType("input", kInputForms);
  return validateInputArray(input->value);
}

} // namespace

ParsedModelRequest parseEmbeddingsRequest(std::string_view body) {
  return json::parseJsonRequest(body, GH_ENDPOINT_EMBEDDINGS, &validate);
}

} // namespace gatehouse::gateway
