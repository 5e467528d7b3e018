/** JMH benchmarks (never published). */
module dev.mailroom.benchmarks {
  requires dev.mailroom.client;
  requires jmh.core;
  // Packages are exported by the issue that fills them: an export of an empty package does not compile.
}
