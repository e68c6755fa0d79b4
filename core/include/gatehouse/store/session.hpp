// Browser sessions and pending sign-ins, kept in the store so that every gateway node
// can serve them. Only hashes of the random identifiers are stored: a database dump
// does not let anyone take over a session or finish someone else's sign-in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gatehouse::store {

// What the tables hold; SessionRepository refuses more as StoreError(Invalid), the same on
// every driver (MySQL would refuse it anyway, SQLite would not).
inline constexpr std::size_t kTokenHashLength = 64; // lowercase hex SHA-256
inline constexpr std::size_t kMaxPluginNameBytes = 128;
inline constexpr std::size_t kMaxLoginFlowBytes = 4096; // valid UTF-8
inline constexpr std::size_t kMaxReturnToBytes = 2048;

struct Session {
  std::string idHash; // lowercase hex SHA-256 of the cookie value; primary key
  std::string userId; // must exist
  std::string plugin; // the auth plugin the user signed in with (plugins[].name)
  std::int64_t createdAtMs = 0;
  std::int64_t expiresAtMs = 0;
};

// A sign-in that went to the identity provider and has not come back yet.
struct LoginFlow {
  std::string stateHash; // lowercase hex SHA-256 of the state value sent to the identity provider
  std::string plugin;    // plugins[].name that started it
  std::string flow;      // the plugin's opaque data (nonce, PKCE verifier); UTF-8, at most 4096 bytes
  std::string returnTo;  // a local path to send the browser to afterwards
  std::int64_t expiresAtMs = 0;
};

} // namespace gatehouse::store
