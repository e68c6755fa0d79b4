// Forwards an upstream Server-Sent Events body to the client event by event, as each one
// arrives, for every endpoint that streams (chat, images, transcriptions).
#pragma once

#include <gatehouse/plugin.hpp>

#include <rapidjson/document.h>

#include <functional>

#include "provider_context.hpp"

namespace gatehouse::plugins::openai {

enum class EventVerdict { Forward, Drop };

// Each event's data goes to the client unchanged, except:
//  - "[DONE]" ends the relay and is not forwarded (the host writes its own);
//  - data that is an error object ({"error":...}) ends it with sdk::Error(GH_ERROR_UPSTREAM)
//    carrying the upstream's message;
//  - `inspect` sees every event whose data is a JSON object (to read usage) and may drop it.
// It also ends at the clean end of the body, when the client goes away, and when the body
// breaks off (the host's sdk::Error propagates). However it ends, `report` runs once first,
// so what was consumed so far is reported. An upstream that answers a stream request with
// a JSON body instead of an event stream fails with GH_ERROR_UPSTREAM.
void relayEvents(const ProviderContext& context, sdk::Exchange& exchange, sdk::Upstream& upstream,
                 const std::function<EventVerdict(const rapidjson::Value&)>& inspect,
                 const std::function<void()>& report);

} // namespace gatehouse::plugins::openai
