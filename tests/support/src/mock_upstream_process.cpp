#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse/testing/test_certs.hpp>

#include <csignal>
#include <stdexcept>

namespace gatehouse::testing {

std::string MockUpstreamProcess::executable() {
  return GATEHOUSE_MOCK_UPSTREAM_EXE;
}

MockUpstreamProcess::MockUpstreamProcess(MockUpstreamOptions options) : tls_(options.tls) {
  SubprocessOptions spawn;
  spawn.program = executable();
  spawn.args = {"--host", host_, "--port", "0"};
  if (options.tls) {
    spawn.args.insert(spawn.args.end(),
                      {"--tls-cert", TestCerts::serverCertFile(), "--tls-key", TestCerts::serverKeyFile()});
  }
  for (const auto& key : options.expectKeys)
    spawn.args.insert(spawn.args.end(), {"--expect-key", key});
  if (!options.record)
    spawn.args.push_back("--no-record");
  spawn.args.insert(spawn.args.end(), options.extraArgs.begin(), options.extraArgs.end());
  process_ = std::make_unique<Subprocess>(spawn);

  const std::string prefix = "mock-upstream listening on " + host_ + ":";
  auto line = process_->waitForLine(OutputStream::Stdout, prefix, options.startTimeout);
  if (!line) {
    // Stdout closing does not mean stderr was read to its end: let the child finish (its
    // exit drains both streams) so the message it printed is part of the error.
    process_->waitForExit(std::chrono::seconds(2));
    std::string errors;
    for (const auto& l : process_->lines(OutputStream::Stderr))
      errors += "\n  " + l;
    throw std::runtime_error("gatehouse_mock_upstream did not start" + errors);
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line->substr(prefix.size())));
}

MockUpstreamProcess::~MockUpstreamProcess() {
  process_->sendSignal(SIGTERM);
  process_->waitForExit(std::chrono::seconds(5));
}

std::string MockUpstreamProcess::baseUrl() const {
  return std::string(tls_ ? "https://" : "http://") + host_ + ":" + std::to_string(port_);
}

} // namespace gatehouse::testing
