// Models clients can ask for, where each is routed, other names for it, and what it costs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gatehouse::store {

struct Model {
  std::string name; // public name; unique across models and aliases
  std::string description;
  bool enabled = true;
  std::int64_t createdAtMs = 0; // set by the store
  std::int64_t updatedAtMs = 0; // set by the store

  bool operator==(const Model&) const = default;
};

// One candidate for serving a model; lower priority is tried first.
struct ModelRoute {
  std::string modelName;
  int priority = 0;
  std::string providerName;
  std::string credentialId; // "" lets the provider pick its default credential
  std::string upstreamModel;
  int weight = 1; // share among routes of equal priority

  bool operator==(const ModelRoute&) const = default;
};

struct ModelAlias {
  std::string alias;
  std::string modelName;

  bool operator==(const ModelAlias&) const = default;
};

// Prices are integers in micro-USD so sums never drift; a price holds from effectiveFromMs until
// the next one for the same provider and model.
struct ModelPrice {
  std::string providerName;
  std::string model; // upstream model name
  std::int64_t effectiveFromMs = 0;
  std::int64_t inputPerMillionTokens = 0;
  std::int64_t cachedInputPerMillionTokens = 0;
  std::int64_t outputPerMillionTokens = 0;
  std::int64_t perImage = 0;
  std::int64_t perAudioMinute = 0;
  std::int64_t perMillionCharacters = 0;

  bool operator==(const ModelPrice&) const = default;
};

} // namespace gatehouse::store
