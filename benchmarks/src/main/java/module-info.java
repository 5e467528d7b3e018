/** JMH benchmarks (never published). */
module dev.mailroom.benchmarks {
  requires dev.mailroom.client;
  requires jmh.core;

  exports dev.mailroom.benchmarks;
}
