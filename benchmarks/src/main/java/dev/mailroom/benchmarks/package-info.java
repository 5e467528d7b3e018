/**
 * JMH benchmarks that run Mailroom beside its peers (filled as each client lands).
 */
package dev.mailroom.benchmarks;
