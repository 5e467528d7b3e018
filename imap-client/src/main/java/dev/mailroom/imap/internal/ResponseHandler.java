package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.imap.Uid;
import dev.mailroom.imap.fetch.BodyPart;
import dev.mailroom.imap.fetch.FetchedMessage;
import java.io.IOException;
import java.io.InputStream;

/**
 * Collects one command's result on the reader thread: the untagged responses it claims, FETCH data addressed to it,
 * and the final value when the tagged OK arrives.
 *
 * @param <T> the result type
 */
interface ResponseHandler<T> {
  /** Claims an untagged response; true if it belongs to this command. */
  default boolean untagged(Response response) {
    return false;
  }

  /** Whether FETCH data for message {@code seq} (UID if known yet) belongs to this command. */
  default boolean acceptsFetch(long seq, Uid uid) {
    return false;
  }

  /** A body section of a FETCH this command accepted. */
  default void body(BodyPart part, InputStream content) throws IOException {
  }

  /** A complete FETCH response this command accepted. */
  default void fetched(FetchedMessage message) {
  }

  /**
   * Called on the reader thread for a tagged OK before any other command may be sent and before another response
   * is read: for commands that change the connection itself (COMPRESS).
   */
  default void completing(Response.Tagged tagged) throws MailException {
  }

  /** The result, on tagged OK. */
  T ok(Response.Tagged tagged) throws MailException;

  /**
   * A handler for a command answered by one untagged response: it claims the first response {@code pick} maps to
   * a value (null: not this one), and the command fails with {@code missing} if none came before the OK.
   */
  static <T> ResponseHandler<T> first(java.util.function.Function<Response, T> pick, String missing) {
    return new ResponseHandler<>() {
      private T value;

      @Override
      public boolean untagged(Response r) {
        if (value != null) {
          return false;
        }
        value = pick.apply(r);
        return value != null;
      }

      @Override
      public T ok(Response.Tagged tagged) throws MailException {
        if (value == null) {
          throw new dev.mailroom.client.MailProtocolException(missing);
        }
        return value;
      }
    };
  }
}
