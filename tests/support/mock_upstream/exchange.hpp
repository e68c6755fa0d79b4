// One request being answered: what came in, where the answer goes, and how to misbehave.
#pragma once

#include <string>
#include <string_view>

#include "http_request.hpp"
#include "mock_options.hpp"
#include "provider.hpp"
#include "provider_error.hpp"
#include "response_writer.hpp"
#include "scenario.hpp"

namespace gatehouse::mock {

class Exchange {
public:
  Exchange(const HttpRequest& request, ResponseWriter& writer, const MockOptions& options, Provider provider)
      : request_(request), writer_(writer), options_(options), provider_(provider) {}

  const HttpRequest& request() const { return request_; }
  ResponseWriter& writer() { return writer_; }
  const MockOptions& options() const { return options_; }
  Provider provider() const { return provider_; }
  const Scenario& scenario() const { return scenario_; }

  // Reads the x-mock-scenario header. On a bad one answers 400 and returns false.
  bool readScenarioHeader();
  // Strips a "mock-.../" prefix off a model name into the scenario. On a bad one answers
  // 400 and returns false.
  bool readModelScenario(std::string_view fullModel, std::string& model);
  // Answers the scenario's `fail:` error if there is one; true when it did.
  bool answeredWithFailure();

  void sendJson(int status, std::string_view body);
  void sendError(const ProviderError& error);
  void sendError(int status, std::string_view message, std::string_view param = {});

  // Headers every response of this provider carries (request ids, retry-after).
  HeaderList providerHeaders() const;

private:
  const HttpRequest& request_;
  ResponseWriter& writer_;
  const MockOptions& options_;
  Provider provider_;
  Scenario scenario_;
};

} // namespace gatehouse::mock
