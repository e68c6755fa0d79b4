// SIGTERM / SIGINT handling without async signal handlers: the signals are blocked in
// every thread (call before any thread starts, so threads inherit the mask) and the
// main thread waits for one synchronously.
#pragma once

namespace gatehouse::app {

// Blocks SIGTERM and SIGINT in the calling thread and all threads it creates later.
void blockTerminationSignals();

// Waits until SIGTERM or SIGINT arrives; returns its number.
int waitForTerminationSignal();

} // namespace gatehouse::app
