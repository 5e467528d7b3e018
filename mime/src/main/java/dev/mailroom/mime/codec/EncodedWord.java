package dev.mailroom.mime.codec;

/** INTERIM: the RFC 2047 codec replaces this file (mime codec work in progress). */
public final class EncodedWord {
  private EncodedWord() { }

  public static String decodeText(String value) {
    throw new UnsupportedOperationException("interim");
  }
}
