package dev.mailroom.smtp;

/** The MAIL FROM {@code BODY} parameter: what the body contains (RFC 6152, RFC 3030). */
public enum BodyType {
  /** Lines of at most 998 US-ASCII octets (no parameter is sent unless 8BITMIME is advertised). */
  SEVEN_BIT("7BIT"),
  /** Octets with the high bit set in CRLF lines of at most 998 octets; needs 8BITMIME. */
  EIGHT_BIT_MIME("8BITMIME"),
  /** Any octets, no line structure; needs BINARYMIME and CHUNKING, and is always sent with BDAT. */
  BINARY_MIME("BINARYMIME");

  private final String keyword;

  BodyType(String keyword) {
    this.keyword = keyword;
  }

  /** The parameter value on the wire. */
  public String keyword() {
    return keyword;
  }
}
