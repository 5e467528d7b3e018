package dev.mailroom.imap.internal.wire;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.ProtocolInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads IMAP responses (RFC 3501 §9, RFC 9051 §9) straight off a {@link ProtocolInput}. A response is a sequence of
 * line segments joined by literals: each segment is read with a bounded {@code readLine} (SECURITY.md I22), and a
 * literal announced by {@code {n}} (or {@code ~{n}} for BINARY) at the end of a segment is either read into memory
 * (bounded by {@code Limits.maxInMemoryBytes}, I07) or handed out as a {@link LiteralReader} stream. Anything not
 * read from such a stream is drained before the decoder reads on, so a consumer that stops early cannot mis-frame
 * the connection.
 *
 * <p>Methods are named after the ABNF productions and come in pairs: {@code tryX} returns null (or false) and
 * consumes nothing if the next token is not an X; {@code expectX} throws {@link MailProtocolException}. Numbers are
 * checked against their RFC ranges (I13) and list nesting is bounded (I16). Not thread-safe: one reader per
 * connection.
 */
public final class ImapDecoder {
  /** The deepest list nesting accepted (SECURITY.md I16). */
  public static final int DEFAULT_MAX_DEPTH = 100;
  /** RFC 3501 {@code number}: 32-bit unsigned. */
  public static final long MAX_NUMBER = 0xFFFF_FFFFL;

  private final ProtocolInput in;
  private final int maxLine;
  private final int maxDepth;
  private byte[] line = new byte[0];
  private int pos;
  private LiteralReader pendingLiteral;
  private boolean segmentPending;
  private int depth;

  public ImapDecoder(ProtocolInput in) {
    this(in, DEFAULT_MAX_DEPTH);
  }

  public ImapDecoder(ProtocolInput in, int maxDepth) {
    this.in = in;
    this.maxLine = in.limits().maxLineBytes();
    this.maxDepth = maxDepth;
  }

  /** The largest literal {@link #literalBytes} accepts. */
  public int maxInMemoryBytes() {
    return in.limits().maxInMemoryBytes();
  }

  /** Reads the first line segment of the next response, draining whatever the previous one left unread. */
  public void beginResponse() throws MailException {
    finishLiteral();
    segmentPending = false;
    depth = 0;
    line = in.readLine(maxLine);
    pos = 0;
  }

  /** Skips to the end of the current response, literals included (drained, never buffered). */
  public void skipResponse() throws MailException {
    while (true) {
      ensureSegment();
      int end = line.length;
      Long literal = literalAtEnd();
      if (literal == null) {
        pos = end;
        return;
      }
      pos = line.length;
      LiteralReader r = new LiteralReader(in.readCounted(literal));
      pendingLiteral = r;
      segmentPending = true;
    }
  }

  /** The rest of the current segment as text, up to CRLF (for resp-text, which holds no literals). */
  public String restOfLine() throws MailException {
    ensureSegment();
    String s = new String(line, pos, line.length - pos, StandardCharsets.UTF_8);
    pos = line.length;
    return s;
  }

  /** Whether the response ends here. */
  public boolean atEnd() throws MailException {
    ensureSegment();
    return pos == line.length;
  }

  /** Throws unless the response ends here. */
  public void expectEnd() throws MailException {
    if (!atEnd()) {
      throw error("expected end of response");
    }
  }

  /** The next byte without consuming it, or -1 at the end of the response. */
  public int peek() throws MailException {
    ensureSegment();
    return pos < line.length ? line[pos] & 0xff : -1;
  }

  public boolean trySp() throws MailException {
    return tryChar(' ');
  }

  public void expectSp() throws MailException {
    expectChar(' ');
  }

  public boolean tryChar(char c) throws MailException {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  public void expectChar(char c) throws MailException {
    if (!tryChar(c)) {
      throw error("expected '" + c + "'");
    }
  }

  /** Opens a parenthesised list, counting its depth (I16). */
  public boolean tryListStart() throws MailException {
    if (!tryChar('(')) {
      return false;
    }
    if (++depth > maxDepth) {
      throw error("lists nested deeper than " + maxDepth);
    }
    return true;
  }

  public void expectListStart() throws MailException {
    if (!tryListStart()) {
      throw error("expected '('");
    }
  }

  public boolean tryListEnd() throws MailException {
    if (tryChar(')')) {
      depth--;
      return true;
    }
    return false;
  }

  public void expectListEnd() throws MailException {
    if (!tryListEnd()) {
      throw error("expected ')'");
    }
  }

  /** {@code atom}: one or more ATOM-CHARs; null if none. */
  public String tryAtom() throws MailException {
    return tryChars(CharClass.ATOM);
  }

  public String expectAtom() throws MailException {
    return expect(tryAtom(), "atom");
  }

  /** A FETCH {@code msg-att} name such as {@code BODY}, {@code RFC822.SIZE} (without a following {@code [}). */
  public String expectFetchAttName() throws MailException {
    return expect(tryChars(CharClass.FETCH_ATT), "FETCH data item name");
  }

  /** {@code astring} minus literal/quoted: ASTRING-CHARs (atom plus {@code ]}). */
  public String tryAstringChars() throws MailException {
    return tryChars(CharClass.ASTRING);
  }

  /** {@code flag}: {@code \}atom, {@code \*}, or a keyword atom. */
  public String expectFlag() throws MailException {
    if (tryChar('\\')) {
      if (tryChar('*')) {
        return "\\*";
      }
      return "\\" + expectAtom();
    }
    return expectAtom();
  }

  /** {@code number} (0 to 2^32-1, I13). */
  public Long tryNumber() throws MailException {
    return tryNumber(MAX_NUMBER);
  }

  public long expectNumber() throws MailException {
    return expect(tryNumber(), "number");
  }

  /** {@code nz-number} (1 to 2^32-1). */
  public long expectNzNumber() throws MailException {
    long n = expectNumber();
    if (n == 0) {
      throw error("expected a non-zero number");
    }
    return n;
  }

  /** {@code number64} (RFC 9051; 0 to 2^63-1), used for mod-sequences and sizes. */
  public long expectNumber64() throws MailException {
    return expect(tryNumber(Long.MAX_VALUE), "number64");
  }

  private Long tryNumber(long max) throws MailException {
    ensureSegment();
    int start = pos;
    long value = 0;
    while (pos < line.length && line[pos] >= '0' && line[pos] <= '9') {
      int digit = line[pos] - '0';
      if (value > (max - digit) / 10) {
        pos = start;
        throw error("number out of range");
      }
      value = value * 10 + digit;
      pos++;
    }
    return pos == start ? null : value;
  }

  /** {@code quoted}: a DQUOTE string with {@code \"} and {@code \\} escapes; CR, LF and NUL are refused (I17). */
  public String tryQuoted() throws MailException {
    if (peek() != '"') {
      return null;
    }
    int p = pos + 1;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while (true) {
      if (p >= line.length) {
        throw error("unterminated quoted string");
      }
      byte b = line[p++];
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        if (p >= line.length || (line[p] != '"' && line[p] != '\\')) {
          throw error("invalid escape in quoted string");
        }
        b = line[p++];
      } else if (b == 0 || b == '\r' || b == '\n') {
        throw error("NUL, CR or LF in a quoted string");
      }
      out.write(b);
    }
    pos = p;
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The size of a literal announced here: {@code {n}} or, if {@code binary}, also {@code ~{n}}; it must end the
   * segment (I07: the digits are checked, {@code {}} and {@code { 5}} are refused). Null if no literal starts here.
   */
  public Long tryLiteralHeader(boolean binary) throws MailException {
    ensureSegment();
    int start = pos;
    if (binary && peek() == '~') {
      pos++;
    }
    if (peek() != '{') {
      pos = start;
      return null;
    }
    pos++;
    Long n = tryNumber(Long.MAX_VALUE);
    if (n == null || !tryChar('}') || pos != line.length) {
      pos = start;
      throw error("malformed literal header");
    }
    return n;
  }

  /** A literal's content as a stream; the response continues once the stream was read or closed. */
  public InputStream literalStream(long size) throws MailException {
    LiteralReader r = new LiteralReader(in.readCounted(size));
    pendingLiteral = r;
    segmentPending = true;
    return r;
  }

  /** A literal's content in memory, refused beyond {@code Limits.maxInMemoryBytes} (I07). */
  public byte[] literalBytes(long size) throws MailException {
    if (size > in.limits().maxInMemoryBytes()) {
      throw error("literal of " + size + " bytes exceeds the in-memory limit");
    }
    byte[] bytes = in.readExactly((int) size);
    segmentPending = true;
    return bytes;
  }

  /** {@code string}: quoted or literal (in memory), as UTF-8 text; null if neither. */
  public String tryString() throws MailException {
    byte[] b = tryStringBytes();
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  public byte[] tryStringBytes() throws MailException {
    String q = tryQuoted();
    if (q != null) {
      return q.getBytes(StandardCharsets.UTF_8);
    }
    Long n = tryLiteralHeader(false);
    return n == null ? null : literalBytes(n);
  }

  public String expectString() throws MailException {
    return expect(tryString(), "string");
  }

  /** {@code nstring}: NIL (returned as null) or a string. */
  public String expectNString() throws MailException {
    if (tryNil()) {
      return null;
    }
    return expectString();
  }

  /** {@code astring}: ASTRING-CHARs or a string. */
  public String expectAstring() throws MailException {
    String s = tryString();
    if (s != null) {
      return s;
    }
    return expect(tryAstringChars(), "astring");
  }

  /** The atom NIL (case-insensitive). */
  public boolean tryNil() throws MailException {
    ensureSegment();
    if (pos + 3 <= line.length && (line[pos] | 0x20) == 'n' && (line[pos + 1] | 0x20) == 'i'
        && (line[pos + 2] | 0x20) == 'l' && (pos + 3 == line.length || !CharClass.ATOM.test(line[pos + 3]))) {
      pos += 3;
      return true;
    }
    return false;
  }

  /**
   * A {@code sequence-set} (RFC 3501 §9) as text, validated strictly (I15): comma-separated numbers or ranges of
   * nz-numbers and {@code *}; {@code 1,2,}, {@code 1:}, {@code :5} and {@code *:*:} are refused.
   */
  public String expectSequenceSet() throws MailException {
    String s = tryChars(CharClass.SEQUENCE);
    if (s == null) {
      throw error("expected sequence-set");
    }
    if (!SequenceSetSyntax.isValid(s)) {
      throw error("malformed sequence-set '" + abbreviate(s) + "'");
    }
    return s;
  }

  /** Skips one item: an atom, string, literal (drained) or a balanced list, iteratively (no recursion). */
  public void skipItem() throws MailException {
    int start = depth;
    do {
      if (tryListStart()) {
        continue;
      }
      if (depth > start && tryListEnd()) {
        if (depth > start) {
          trySp();
        }
        continue;
      }
      skipScalar();
      if (depth > start && !trySp() && peek() != ')') {
        throw error("expected SP or ')'");
      }
    } while (depth > start);
  }

  private void skipScalar() throws MailException {
    if (tryQuoted() != null) {
      return;
    }
    Long n = tryLiteralHeader(true);
    if (n != null) {
      literalStream(n);
      finishLiteral();
      return;
    }
    if (tryChars(CharClass.SKIPPABLE) == null) {
      throw error("unexpected byte");
    }
  }

  /** A protocol error naming the position, for parsers built on this decoder. */
  public MailProtocolException error(String what) {
    int from = Math.max(0, pos - 20);
    int to = Math.min(line.length, pos + 20);
    String near = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    return new MailProtocolException(what + " at offset " + pos + " near '" + printable(near) + "'");
  }

  private String tryChars(CharClass cls) throws MailException {
    ensureSegment();
    int start = pos;
    while (pos < line.length && cls.test(line[pos])) {
      pos++;
    }
    return pos == start ? null : new String(line, start, pos - start, StandardCharsets.UTF_8);
  }

  private <T> T expect(T value, String what) throws MailProtocolException {
    if (value == null) {
      throw error("expected " + what);
    }
    return value;
  }

  private void ensureSegment() throws MailException {
    if (segmentPending) {
      finishLiteral();
      segmentPending = false;
      line = in.readLine(maxLine);
      pos = 0;
    }
  }

  private void finishLiteral() throws MailException {
    if (pendingLiteral != null) {
      LiteralReader r = pendingLiteral;
      pendingLiteral = null;
      try {
        r.drain();
      } catch (MailException e) {
        throw e;
      } catch (IOException e) {
        throw new MailProtocolException("reading a literal failed", e);
      }
    }
  }

  private Long literalAtEnd() {
    if (line.length < 3 || line[line.length - 1] != '}') {
      return null;
    }
    int p = line.length - 2;
    while (p >= 0 && line[p] >= '0' && line[p] <= '9') {
      p--;
    }
    if (p < 0 || line[p] != '{' || p == line.length - 2 || line.length - 2 - p > 18) {
      return null;
    }
    return Long.parseLong(new String(line, p + 1, line.length - 2 - p, StandardCharsets.US_ASCII));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return b.toString();
  }
}
