/**
 * {@link dev.mailroom.testkit.memory.InMemoryMailServer}: a stateful SMTP/POP3/IMAP server over one in-memory
 * {@link dev.mailroom.testkit.memory.MailStore}, with {@link dev.mailroom.testkit.memory.Faults} for injected
 * failures. Free of JUnit; the extension lives in {@code dev.mailroom.testkit.junit5}.
 */
package dev.mailroom.testkit.memory;
