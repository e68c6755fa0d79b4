// The Gatehouse plugin SDK's C++ helper (header-only, C++17).
//
// Write an ordinary class deriving from ProviderPlugin, AuthPlugin (or SignInAuthPlugin
// for browser sign-in) or BillingPlugin, with a constructor taking `gatehouse::sdk::Host&`,
// then name it in exactly one of the macros below in one .cpp file of the library. The macro exports the C entry point
// (gatehouse_plugin_descriptor) whose descriptor and vtables are static data; every call
// from the host runs the class inside an exception firewall:
//   - gatehouse::sdk::Error(status, message) -> that status, message via set_error
//   - any other std::exception                -> GH_ERROR_INTERNAL, message what()
//   - anything else                           -> GH_ERROR_INTERNAL, "unknown exception"
// A constructor that throws makes init fail the same way; the destructor runs at
// shutdown, after the host has destroyed every instance the plugin made.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/auth_plugin.hpp>
#include <gatehouse/sdk/billing_plugin.hpp>
#include <gatehouse/sdk/credential.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/exchange.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/sdk/identity.hpp>
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/sdk/principal_view.hpp>
#include <gatehouse/sdk/provider_plugin.hpp>
#include <gatehouse/sdk/request.hpp>
#include <gatehouse/sdk/str.hpp>
#include <gatehouse/sdk/usage_event_view.hpp>

// Defines the exported entry point returning `descriptorExpression` held in static storage.
// The descriptor is a constant, so the entry does no allocation and no I/O, as the ABI asks.
#define GATEHOUSE_PLUGIN_ENTRY_(descriptorExpression)                                                        \
  extern "C" GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {                \
    static constexpr gh_plugin_descriptor descriptor = descriptorExpression;                                 \
    return &descriptor;                                                                                      \
  }

// Name and Version are string literals, e.g. GATEHOUSE_PROVIDER_PLUGIN(HelloPlugin, "hello", "1.0.0").
#define GATEHOUSE_PROVIDER_PLUGIN(ClassName, Name, Version)                                                  \
  GATEHOUSE_PLUGIN_ENTRY_(::gatehouse::sdk::providerDescriptor<ClassName>(Name, Version))
#define GATEHOUSE_AUTH_PLUGIN(ClassName, Name, Version)                                                      \
  GATEHOUSE_PLUGIN_ENTRY_(::gatehouse::sdk::authDescriptor<ClassName>(Name, Version))
#define GATEHOUSE_BILLING_PLUGIN(ClassName, Name, Version)                                                   \
  GATEHOUSE_PLUGIN_ENTRY_(::gatehouse::sdk::billingDescriptor<ClassName>(Name, Version))
