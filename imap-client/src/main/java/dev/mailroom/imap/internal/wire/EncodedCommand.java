package dev.mailroom.imap.internal.wire;

import dev.mailroom.client.internal.transport.Sensitivity;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * A command as the encoder built it, without its tag: line pieces separated by literals. The pipeline writes piece
 * by piece; before the payload of a {@linkplain Literal#synchronizing() synchronising} literal it flushes and waits
 * for the server's {@code +}, and sends none of it if a tagged response comes instead (SECURITY.md I05).
 *
 * @param pieces the line text before each literal header, and after the last (each free of CR, LF and NUL)
 * @param literals the literals, {@code pieces.size() - 1} of them
 * @param name the command name, for errors and traces
 */
public record EncodedCommand(List<Piece> pieces, List<Literal> literals, String name) {
  public EncodedCommand {
    pieces = List.copyOf(pieces);
    literals = List.copyOf(literals);
    if (pieces.size() != literals.size() + 1) {
      throw new IllegalArgumentException("pieces and literals out of step");
    }
  }

  /** A line piece; its literal header (if any) is already appended. */
  public record Piece(byte[] bytes, Sensitivity sensitivity) {
    public Piece {
      Objects.requireNonNull(bytes);
      Objects.requireNonNull(sensitivity);
    }
  }

  /** A literal's payload: bytes in memory or a stream of exactly {@code size} bytes. */
  public record Literal(long size, byte[] bytes, InputStream stream, boolean synchronizing) {
    /** Opens the payload. */
    public InputStream open() {
      return bytes != null ? new java.io.ByteArrayInputStream(bytes) : stream;
    }
  }

  /** Whether any literal waits for a continuation. */
  public boolean hasSynchronizingLiteral() {
    return literals.stream().anyMatch(Literal::synchronizing);
  }
}
