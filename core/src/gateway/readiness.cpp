#include <gatehouse/gateway/readiness.hpp>

#include <exception>

namespace gatehouse::gateway {

void Readiness::addCheck(std::string name, Check check) {
  checks_.emplace_back(std::move(name), std::move(check));
}

Readiness::Report Readiness::evaluate() const {
  Report report;
  if (shuttingDown()) {
    report.shuttingDown = true;
    return report;
  }
  report.ready = true;
  report.checks.reserve(checks_.size());
  for (const auto& [name, check] : checks_) {
    CheckResult result{name, false, {}};
    try {
      result.ok = check(result.why);
    } catch (const std::exception& e) {
      result.why = std::string("check failed with an exception: ") + e.what();
    } catch (...) {
      result.why = "check failed with an exception";
    }
    if (!result.ok && result.why.empty())
      result.why = "not ready";
    report.ready = report.ready && result.ok;
    report.checks.push_back(std::move(result));
  }
  return report;
}

} // namespace gatehouse::gateway
