// Bodies shared by the micro benchmarks, so every stage is timed on the same input: a
// typical chat turn (system prompt, a short history, ~1 KiB), a larger one with tools, and
// the same answer to the typical turn as each provider sends it (non-streamed).
#pragma once

#include <string>

namespace gatehouse::bench {

inline std::string typicalChatBody(bool stream) {
  return std::string(R"({"model":"gpt-4o","stream":)") + (stream ? "true" : "false") +
         R"(,"temperature":0.2,"max_tokens":512,"messages":[)"
         R"({"role":"system","content":"You are a helpful assistant for the finance team. Answer briefly, )"
         R"(cite the policy section you rely on, and never invent figures that are not in the context."},)"
         R"({"role":"user","content":"What is the travel reimbursement limit for a one-night stay )"
         R"(in Paris?"},)"
         R"({"role":"assistant","content":"Section 4.2 sets the nightly hotel limit for Paris at 210 EUR, )"
         R"(breakfast included. Anything above needs a manager's approval before booking."},)"
         R"({"role":"user","content":"And if the conference hotel is more expensive than that, can I still )"
         R"(book it? The conference is organised by a partner and the room block ends next Friday."}]})";
}

inline std::string chatBodyWithTools() {
  return R"({"model":"gpt-4o","stream":false,"tool_choice":"auto","messages":[)"
         R"({"role":"system","content":"You route support tickets."},)"
         R"({"role":"user","content":"My invoice INV-2291 was charged twice, please refund one of them."}],)"
         R"("tools":[{"type":"function","function":{"name":"lookup_invoice","description":"Find an invoice",)"
         R"("parameters":{"type":"object","properties":{"invoice_id":{"type":"string"},)"
         R"("include_lines":{"type":"boolean"}},"required":["invoice_id"]}}},)"
         R"({"type":"function","function":{"name":"refund","description":"Refund a payment",)"
         R"("parameters":{"type":"object","properties":{"payment_id":{"type":"string"},)"
         R"("amount_cents":{"type":"integer"},)"
         R"("reason":{"type":"string","enum":["duplicate","fraud","other"]}},)"
         R"("required":["payment_id","amount_cents"]}}}]})";
}

// The answer to typicalChatBody, as each upstream words it (~0.4 KiB of text).
inline constexpr const char* kAnswerText =
    "Yes, if the conference hotel is the organiser's official venue. Section 4.4 allows the "
    "event's negotiated rate up to 1.5 times the city limit (315 EUR for Paris) without prior "
    "approval, provided you book through the partner's room block and attach the invitation to "
    "your expense report. Above that, ask your manager before Friday so the booking is not lost.";

inline std::string openAiCompletionBody() {
  return std::string(R"({"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion",)"
                     R"("created":1764280000,"model":"gpt-4o-2024-08-06","choices":[{"index":0,)"
                     R"("message":{"role":"assistant","content":")") +
         kAnswerText +
         R"(","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],)"
         R"("usage":{"prompt_tokens":112,"completion_tokens":84,"total_tokens":196,)"
         R"("prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},)"
         R"("completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,)"
         R"("accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},)"
         R"("service_tier":"default","system_fingerprint":"fp_50cad350e4"})";
}

inline std::string anthropicMessageBody() {
  return std::string(R"({"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",)"
                     R"("model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":")") +
         kAnswerText +
         R"("}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":118,)"
         R"("cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":86,)"
         R"("service_tier":"standard"}})";
}

inline std::string geminiResponseBody() {
  return std::string(R"({"candidates":[{"content":{"parts":[{"text":")") + kAnswerText +
         R"("}],"role":"model"},"finishReason":"STOP","avgLogprobs":-0.21}],)"
         R"("usageMetadata":{"promptTokenCount":112,"candidatesTokenCount":84,"totalTokenCount":196,)"
         R"("promptTokensDetails":[{"modality":"TEXT","tokenCount":112}]},)"
         R"("modelVersion":"gemini-2.5-flash","responseId":"mJ0oaO2fOdSv1MkP0sTq4Q4"})";
}

} // namespace gatehouse::bench
