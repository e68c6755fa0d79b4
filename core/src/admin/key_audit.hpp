// What the audit log keeps of API keys (internal to gatehouse_admin): everything but the
// hash, and never the secret. Shared by the admin API and the bootstrap CLI.
#pragma once

#include <gatehouse/store/api_key.hpp>

#include <string>
#include <vector>

#include "resource_json.hpp"

namespace gatehouse::admin {

void writeScopeItems(json::Writer& writer, const std::vector<std::string>& items);
// Writes "limits": {...} (a key and its object).
void writeLimitsDetail(json::Writer& writer, const store::ApiKeyLimits& limits);
std::string keyAuditDetail(const store::ApiKey& key);

} // namespace gatehouse::admin
