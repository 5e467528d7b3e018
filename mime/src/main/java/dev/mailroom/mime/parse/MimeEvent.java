package dev.mailroom.mime.parse;

import dev.mailroom.mime.ContentType;
import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.codec.TransferEncoding;
import dev.mailroom.mime.internal.Escape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link MimeParser#next()} reports. For each entity, in input order: {@link EntityStart}, its
 * {@link HeaderField}s, {@link HeadersEnd}, then its body, then {@link EntityEnd}. A leaf's body comes as
 * {@link BodyChunk}s; a multipart's as preamble chunks, then for each part a {@link Delimiter} and the part's
 * events, then a {@link CloseDelimiter} and epilogue chunks; an encapsulated message's as the inner message's
 * events. {@link Defect}s belong to the innermost entity that has started and not ended. The stream ends with
 * {@link End}.
 *
 * <p>Concatenating, in order, every header field's raw bytes, every separator, body chunk, delimiter and close
 * delimiter gives back the input exactly (apart from an mbox {@code From } line, see
 * {@link MimeDefect.Kind#MBOX_FROM_LINE}).
 */
public sealed interface MimeEvent {
  /** The absolute input offset of what the event reports. */
  long offset();

  /** How an entity's body is read: as a leaf, as a multipart, or as an encapsulated message. */
  enum BodyKind {
    /** Bytes: a leaf, including a composite type the parser would not descend into (with a defect). */
    LEAF,
    /** A {@code multipart/*} body: preamble, parts, epilogue (RFC 2046 §5.1). */
    MULTIPART,
    /** A {@code message/rfc822} or {@code message/global} body: one message (RFC 2046 §5.2.1, RFC 6532 §3.7). */
    MESSAGE
  }

  /** Which bytes a {@link BodyChunk} carries. */
  enum Section {
    /** A leaf's body, still transfer-encoded. */
    BODY,
    /** A multipart's bytes before its first delimiter. */
    PREAMBLE,
    /** A multipart's bytes after its close delimiter line. */
    EPILOGUE
  }

  /**
   * An entity starts.
   *
   * @param depth 0 for the message, one more for each multipart or encapsulated message around the entity
   * @param offset where its header block starts
   */
  record EntityStart(int depth, long offset) implements MimeEvent { }

  /** A header field, raw bytes with folding and line ending ({@link Header#raw()}). */
  record HeaderField(Header header, long offset) implements MimeEvent {
    public HeaderField {
      Objects.requireNonNull(header, "header");
    }
  }

  /**
   * The header block ended.
   *
   * @param contentType the Content-Type, with the defaults of RFC 2045 §5.2 ({@code text/plain; charset=us-ascii})
   *     and RFC 2046 §5.1.5 ({@code message/rfc822} for a part of a {@code multipart/digest})
   * @param transferEncoding the Content-Transfer-Encoding; 7bit when missing (RFC 2045 §6.1), binary when unknown
   * @param bodyKind how the body is read
   * @param separator the raw blank line that ended the block ({@code "\r\n"}, {@code "\n"}, {@code "\r"}), or empty
   *     when the block ended otherwise (a line that is not a field, a delimiter, the end of the input)
   * @param offset where the body starts
   */
  record HeadersEnd(ContentType contentType, TransferEncoding transferEncoding, BodyKind bodyKind, byte[] separator,
      long offset) implements MimeEvent {
    public HeadersEnd {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(transferEncoding, "transferEncoding");
      Objects.requireNonNull(bodyKind, "bodyKind");
      separator = separator.clone();
    }

    /** A copy of the separator. */
    @Override
    public byte[] separator() {
      return separator.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HeadersEnd e && contentType.equals(e.contentType) && transferEncoding == e.transferEncoding
          && bodyKind == e.bodyKind && Arrays.equals(separator, e.separator) && offset == e.offset;
    }

    @Override
    public int hashCode() {
      return Objects.hash(contentType, transferEncoding, bodyKind, Arrays.hashCode(separator), offset);
    }

    @Override
    public String toString() {
      return "HeadersEnd[" + contentType.mimeType() + ", " + transferEncoding + ", " + bodyKind + ", separator="
          + escape(separator) + ", offset=" + offset + "]";
    }
  }

  /**
   * Raw body bytes, at most one parser window (64 KiB) per chunk. {@code bytes} is a read-only view of the parser's
   * window: it is valid only until the next call to {@link MimeParser#next()} or read from a body stream; copy what
   * you keep.
   */
  record BodyChunk(Section section, ByteBuffer bytes, long offset) implements MimeEvent {
    public BodyChunk {
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(bytes, "bytes");
    }

    /** The number of bytes. */
    public int length() {
      return bytes.remaining();
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
      byte[] copy = new byte[bytes.remaining()];
      bytes.duplicate().get(copy);
      return copy;
    }

    /** Writes the bytes to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
      out.write(toByteArray());
    }

    @Override
    public String toString() {
      return "BodyChunk[" + section + ", " + bytes.remaining() + " bytes, offset=" + offset + "]";
    }
  }

  /**
   * A delimiter line before a body part (RFC 2046 §5.1.1): the line ending before it (none when it starts the
   * multipart body), {@code "--" boundary}, transport padding and its line ending.
   */
  record Delimiter(byte[] raw, long offset) implements MimeEvent {
    public Delimiter {
      raw = raw.clone();
    }

    /** A copy of the raw bytes. */
    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Delimiter d && Arrays.equals(raw, d.raw) && offset == d.offset;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(raw) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
      return "Delimiter[" + escape(raw) + ", offset=" + offset + "]";
    }
  }

  /** The close delimiter line ({@code "--" boundary "--"}), with the line ending before it and its own, if any. */
  record CloseDelimiter(byte[] raw, long offset) implements MimeEvent {
    public CloseDelimiter {
      raw = raw.clone();
    }

    /** A copy of the raw bytes. */
    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CloseDelimiter d && Arrays.equals(raw, d.raw) && offset == d.offset;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(raw) * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
      return "CloseDelimiter[" + escape(raw) + ", offset=" + offset + "]";
    }
  }

  /** Something the parser tolerated, on the innermost open entity. */
  record Defect(MimeDefect defect) implements MimeEvent {
    public Defect {
      Objects.requireNonNull(defect, "defect");
    }

    @Override
    public long offset() {
      return defect.offset();
    }
  }

  /** The innermost open entity ends; {@code offset} is one past its last byte. */
  record EntityEnd(int depth, long offset) implements MimeEvent { }

  /** The input ended; {@code offset} is its length. */
  record End(long offset) implements MimeEvent { }

  private static String escape(byte[] raw) {
    return Escape.quoted(raw, Integer.MAX_VALUE);
  }
}
