package dev.mailroom.mime;

import java.io.IOException;

/**
 * Input that cannot be read as a message within the {@link dev.mailroom.mime.parse.ParserLimits}: too many headers
 * or parts, a header too large. Malformed but bounded input is never an exception: it gives a {@link MimeDefect}.
 */
public class MimeParseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public MimeParseException(String message, long offset) {
    super(message + (offset >= 0 ? " (at byte " + offset + ")" : ""));
    this.offset = offset;
  }

  /** The byte offset in the input where the limit was hit, or -1. */
  public long offset() {
    return offset;
  }
}
