// The subprocess helper other suites use to run the mock and the gateway.
#include <gatehouse/testing/subprocess.hpp>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

SubprocessOptions shell(const std::string& script) {
  SubprocessOptions options;
  options.program = "/bin/sh";
  options.args = {"-c", script};
  return options;
}

TEST(Subprocess, CapturesStdoutAndStderrLineByLine) {
  Subprocess process(shell("echo one; echo two >&2; printf 'three\\r\\nfour'; echo five >&2"));
  ASSERT_TRUE(process.waitForExit(5s));
  EXPECT_EQ(process.lines(OutputStream::Stdout), (std::vector<std::string>{"one", "three", "four"}));
  EXPECT_EQ(process.lines(OutputStream::Stderr), (std::vector<std::string>{"two", "five"}));
}

TEST(Subprocess, WaitsForALineWithAPrefix) {
  Subprocess process(shell("echo starting; sleep 0.2; echo 'ready on port 1234'; exec sleep 5"));
  auto line = process.waitForLine(OutputStream::Stdout, "ready on", 5s);
  ASSERT_TRUE(line);
  EXPECT_EQ(*line, "ready on port 1234");
}

TEST(Subprocess, WaitForLineTimesOut) {
  Subprocess process(shell("exec sleep 5"));
  auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(process.waitForLine(OutputStream::Stdout, "never", 200ms));
  EXPECT_GE(std::chrono::steady_clock::now() - started, 200ms);
}

TEST(Subprocess, WaitForLineReturnsWhenTheStreamCloses) {
  Subprocess process(shell("echo bye"));
  auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(process.waitForLine(OutputStream::Stdout, "never", 10s));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(Subprocess, PassesArgumentsAndEnvironment) {
  SubprocessOptions options = shell("echo \"$GH_TEST_VALUE:$1\"");
  options.args.push_back("argv0");
  options.args.push_back("first arg");
  options.env = {{"GH_TEST_VALUE", "from test"}};
  Subprocess process(options);
  EXPECT_TRUE(process.waitForLine(OutputStream::Stdout, "from test:first arg", 5s));
}

TEST(Subprocess, EnvironmentCanStartEmpty) {
  SubprocessOptions options = shell("echo \"home=[$HOME] x=[$X]\"");
  options.inheritEnvironment = false;
  options.env = {{"X", "1"}};
  Subprocess process(options);
  EXPECT_TRUE(process.waitForLine(OutputStream::Stdout, "home=[] x=[1]", 5s));
}

TEST(Subprocess, ReportsExitCodes) {
  Subprocess process(shell("exit 7"));
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_TRUE(exit->exited);
  EXPECT_EQ(exit->code, 7);
  EXPECT_FALSE(process.running());
}

TEST(Subprocess, SignalsAndReportsTheKillingSignal) {
  Subprocess process(shell("exec sleep 30"));
  EXPECT_TRUE(process.running());
  EXPECT_FALSE(process.waitForExit(50ms));
  process.sendSignal(SIGTERM);
  auto exit = process.waitForExit(5s);
  ASSERT_TRUE(exit);
  EXPECT_FALSE(exit->exited);
  EXPECT_EQ(exit->signal, SIGTERM);
}

TEST(Subprocess, DestructorKillsAndReapsARunningChild) {
  pid_t pid = 0;
  {
    Subprocess process(shell("exec sleep 30"));
    pid = process.pid();
    ASSERT_GT(pid, 0);
  }
  // Reaped: the pid is no longer our child, so waitpid reports an error.
  EXPECT_EQ(waitpid(pid, nullptr, WNOHANG), -1);
}

TEST(Subprocess, AGrandchildHoldingThePipesDoesNotHangDestruction) {
  auto started = std::chrono::steady_clock::now();
  {
    // The shell's background sleep inherits stdout and outlives the killed shell briefly.
    Subprocess process(shell("sleep 3 & echo started; wait"));
    ASSERT_TRUE(process.waitForLine(OutputStream::Stdout, "started", 5s));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
}

TEST(Subprocess, MissingProgramThrows) {
  SubprocessOptions options;
  options.program = "/nonexistent/program";
  EXPECT_THROW(Subprocess{options}, std::runtime_error);
}

TEST(Subprocess, FindsProgramsOnPath) {
  SubprocessOptions options;
  options.program = "echo";
  options.args = {"found"};
  Subprocess process(options);
  EXPECT_TRUE(process.waitForLine(OutputStream::Stdout, "found", 5s));
}

} // namespace
} // namespace gatehouse::testing
