// One function per OpenAI endpoint the provider serves. Each reads the client's request
// from the exchange, talks to the upstream, answers the client and reports usage; each
// throws sdk::Error for what it cannot serve (the provider adds nothing to it).
#pragma once

#include <gatehouse/plugin.hpp>

#include "provider_context.hpp"

namespace gatehouse::plugins::openai {

// POST chat/completions: the body passed through with the upstream model; streams
// relayed event by event, the usage chunk kept from clients that did not ask for it.
void serveChat(const ProviderContext& context, sdk::Exchange& exchange);
// POST embeddings: prompt tokens.
void serveEmbeddings(const ProviderContext& context, sdk::Exchange& exchange);
// POST images/generations: images, their size and quality, and tokens when billed so.
void serveImages(const ProviderContext& context, sdk::Exchange& exchange);
// POST audio/speech: the audio streamed through as it arrives; characters of "input".
void serveSpeech(const ProviderContext& context, sdk::Exchange& exchange);
// POST audio/transcriptions: the multipart upload forwarded with only "model" replaced;
// audio milliseconds or tokens.
void serveTranscription(const ProviderContext& context, sdk::Exchange& exchange);
// GET models: the upstream's list as an OpenAI list owned by this provider.
void serveModels(const ProviderContext& context, sdk::Exchange& exchange);

} // namespace gatehouse::plugins::openai
