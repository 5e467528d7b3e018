package dev.mailroom.mime;

import java.util.Objects;

/**
 * Something wrong with a message that the parser tolerated: it noted the problem on the entity and carried on
 * with the most useful reading (RFC 2045 and 2046 ask receivers to be lenient). A defect never hides content: raw
 * bytes are kept, and decoded views use U+FFFD where bytes could not be decoded.
 *
 * @param kind what went wrong
 * @param detail a short, escaped description (no raw control characters)
 * @param offset the byte offset in the parsed input where it was noticed, or -1 when not known
 */
public record MimeDefect(Kind kind, String detail, long offset) {
  public MimeDefect {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** The kinds of defect, after SECURITY.md A.5. */
  public enum Kind {
    /** A line ended with a bare LF or bare CR instead of CRLF (M13). */
    BARE_LINE_ENDING,
    /** A header line without a colon, or with a malformed field name; kept as raw bytes. */
    MALFORMED_HEADER,
    /** Raw 8-bit bytes in a header that are not valid UTF-8 (RFC 6532); decoded with U+FFFD (M09). */
    INVALID_HEADER_BYTES,
    /** A duplicate Content-Type, Content-Transfer-Encoding or MIME-Version (M16). */
    DUPLICATE_HEADER,
    /** A Content-Type that could not be parsed; the RFC 2045 §5.2 default applies (M16). */
    MALFORMED_CONTENT_TYPE,
    /** A parameter that could not be parsed (unbalanced quotes, bad RFC 2231 segments, M11). */
    MALFORMED_PARAMETER,
    /** A parameter given twice (RFC 2045 §5.1 has each name once); the first value is kept (M16). */
    DUPLICATE_PARAMETER,
    /** A multipart without a usable boundary parameter; its body is kept as an opaque part (M04). */
    MISSING_BOUNDARY,
    /**
     * A boundary the parser accepted although RFC 2046 §5.1.1 does not: longer than 70 characters, or ending with
     * a space (M04).
     */
    INVALID_BOUNDARY,
    /** A multipart whose close delimiter never came; the parts seen are kept (RFC 2046 §5.1.1, M04). */
    MISSING_CLOSE_DELIMITER,
    /** A multipart with no body part at all. */
    EMPTY_MULTIPART,
    /** A transfer encoding that is unknown, or not allowed on a composite type; treated as opaque (M15). */
    INVALID_TRANSFER_ENCODING,
    /** Invalid base64: characters outside the alphabet, bad padding, stray '=' (M06). */
    INVALID_BASE64,
    /** Invalid quoted-printable: '=' not followed by two hex digits or a line break (M07). */
    INVALID_QUOTED_PRINTABLE,
    /** Bytes that are not valid in the declared charset, or an unknown charset (M08). */
    INVALID_CHARSET,
    /** An RFC 2047 encoded word that could not be decoded; kept as written. */
    INVALID_ENCODED_WORD,
    /** An address that could not be parsed exactly. */
    INVALID_ADDRESS,
    /** A date that could not be parsed. */
    INVALID_DATE,
    /** Nesting deeper than {@code ParserLimits.maxDepth}; the rest is kept as an opaque part (M03). */
    DEPTH_LIMIT,
    /** The input ended inside the headers or a body. */
    TRUNCATED,
    /**
     * An mbox {@code From } line (RFC 4155 §2) before the message's header fields: the mailbox envelope, not part of
     * the message. The parser skips it, so the message written back does not have it.
     */
    MBOX_FROM_LINE
  }
}
