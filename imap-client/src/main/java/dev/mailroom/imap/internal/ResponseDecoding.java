package dev.mailroom.imap.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.ProtocolInput;
import dev.mailroom.imap.UnsolicitedListener;
import dev.mailroom.imap.internal.wire.ImapDecoder;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a byte stream of server responses with the session's own decoder and parsers, without a session: for
 * codec tests, split tests and the fuzz target. Unclaimed FETCH bodies are kept in the messages (up to the in-memory
 * limit).
 */
public final class ResponseDecoding {
  private ResponseDecoding() { }

  /** Every response in {@code in}, in order; a grammar error is a {@link MailProtocolException}. */
  public static List<Response> decodeAll(InputStream in, dev.mailroom.client.Limits limits) throws MailException {
    EofTracking tracking = new EofTracking(in);
    ProtocolInput input = ProtocolInput.of(tracking, limits);
    CommandPipeline pipeline = new CommandPipeline(null, new TagGenerator("A"), Duration.ofMinutes(1));
    ResponseRouter router = new ResponseRouter(new ImapDecoder(input), pipeline, new SessionState(null),
        UnsolicitedListener.NONE);
    List<Response> out = new ArrayList<>();
    while (true) {
      if (input.bufferedByteCount() == 0) {
        try {
          input.peekByte();
        } catch (MailProtocolException e) {
          if (tracking.eof) {
            return out;
          }
          throw e;
        }
      }
      out.add(router.read());
    }
  }

  /** As {@link #decodeAll(InputStream, dev.mailroom.client.Limits)} over bytes in memory. */
  public static List<Response> decodeAll(byte[] wire, dev.mailroom.client.Limits limits) throws MailException {
    return decodeAll(new java.io.ByteArrayInputStream(wire), limits);
  }

  private static final class EofTracking extends FilterInputStream {
    boolean eof;

    EofTracking(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      eof |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      eof |= n < 0;
      return n;
    }
  }
}
