// Request bodies shared by the micro benchmarks, so every stage is timed on the same input:
// a typical chat turn (system prompt, a short history, ~1 KiB) and a larger one with tools.
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

} // namespace gatehouse::bench
