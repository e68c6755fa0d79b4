// Upstream providers managed through the store, and their encrypted credentials.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gatehouse::store {

struct Provider {
  std::string name;              // unique; routes refer to it
  std::string plugin;            // provider plugin that serves it
  std::string configJson = "{}"; // the plugin's instance config
  bool enabled = true;
  std::int64_t createdAtMs = 0; // set by the store
  std::int64_t updatedAtMs = 0; // set by the store
};

// The store only ever sees ciphertext: encryption and decryption happen in core with a master
// key that is not in the database.
struct NewProviderCredential {
  std::string providerName; // must exist
  std::string label;
  std::string keyId;      // which master key encrypted it (rotation)
  std::string nonce;      // bytes
  std::string ciphertext; // bytes, includes the authentication tag
};

struct ProviderCredential {
  std::string id;
  std::string providerName;
  std::string label;
  std::string keyId;
  std::string nonce;
  std::string ciphertext;
  std::optional<std::int64_t> revokedAtMs;
  std::int64_t createdAtMs = 0;
};

} // namespace gatehouse::store
