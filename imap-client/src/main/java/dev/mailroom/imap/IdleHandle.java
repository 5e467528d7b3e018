package dev.mailroom.imap;

import dev.mailroom.client.MailException;

/**
 * A running {@code IDLE} (RFC 2177). Updates arrive through the {@link UnsolicitedListener} and the
 * {@link SelectedMailbox} model. The session re-issues IDLE before the configured interval (29 minutes by default,
 * SECURITY.md I23); {@link #stop()} sends {@code DONE} and waits for the tagged OK. No other command runs meanwhile.
 *
 * <pre>{@code
 * try (IdleHandle idle = session.idle()) {
 *   newMail.await();
 * }
 * }</pre>
 */
public interface IdleHandle extends AutoCloseable {
  /** Sends DONE and waits for the server to end IDLE. */
  void stop() throws MailException;

  /** Whether IDLE is still running. */
  boolean isActive();

  @Override
  void close() throws MailException;
}
