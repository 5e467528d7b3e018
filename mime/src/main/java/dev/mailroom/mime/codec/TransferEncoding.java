package dev.mailroom.mime.codec;

import dev.mailroom.mime.MimeDefect;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/** INTERIM: the streaming codecs replace this file (mime codec work in progress). */
public enum TransferEncoding {
  SEVEN_BIT, EIGHT_BIT, BINARY, QUOTED_PRINTABLE, BASE64;

  public static Optional<TransferEncoding> parse(String token) {
    throw new UnsupportedOperationException("interim");
  }

  public InputStream decode(InputStream raw, Consumer<MimeDefect> defects) {
    throw new UnsupportedOperationException("interim");
  }
}
