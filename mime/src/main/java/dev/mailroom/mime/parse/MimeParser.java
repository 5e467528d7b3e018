package dev.mailroom.mime.parse;

import dev.mailroom.mime.Header;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.MimeDefect.Kind;
import dev.mailroom.mime.MimeParseException;
import dev.mailroom.mime.codec.TransferEncoding;
import dev.mailroom.mime.internal.BodyScanner;
import dev.mailroom.mime.internal.BoundaryStack;
import dev.mailroom.mime.internal.ByteSink;
import dev.mailroom.mime.internal.EntityClassifier;
import dev.mailroom.mime.internal.Escape;
import dev.mailroom.mime.internal.HeaderReader;
import dev.mailroom.mime.internal.InputWindow;
import dev.mailroom.mime.internal.Utf8;
import dev.mailroom.mime.parse.MimeEvent.BodyKind;
import dev.mailroom.mime.parse.MimeEvent.Section;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

/**
 * A streaming pull parser for Internet messages (RFC 5322) with MIME structure (RFC 2045, 2046): {@link #next()}
 * returns one {@link MimeEvent} at a time, in input order, and the parser holds one fixed window (64 KiB) however
 * large the message is. Header fields and header blocks are bounded by {@link ParserLimits}.
 *
 * <pre>{@code
 * MimeParser parser = MimeParser.of(in, ParserLimits.defaults());
 * for (MimeEvent e = parser.next(); e != null; e = parser.next()) {
 *   if (e instanceof MimeEvent.HeadersEnd end && end.bodyKind() == MimeEvent.BodyKind.LEAF) {
 *     try (InputStream body = parser.decodedBody()) {   // straight off the source, up to the next boundary
 *       body.transferTo(sink);
 *     }
 *   }
 * }
 * }</pre>
 *
 * <h2>How it reads</h2>
 * It is a state machine (STYLE.md §3): header block, then a leaf body, a multipart's preamble, parts and epilogue, or
 * an encapsulated message, with an explicit stack of open entities and a linked stack of boundaries, so nesting
 * never recurses (SECURITY.md M03). A body line that starts with {@code "--"} is checked against the innermost
 * boundary and then the parents' (RFC 2046 §5.1.1); a parent's delimiter ends the inner multiparts with
 * {@link Kind#MISSING_CLOSE_DELIMITER}. {@code Content-Length} and {@code Lines} are never used for framing (M15).
 *
 * <h2>Header blocks</h2>
 * Fields follow RFC 5322 §2.2 with folding (§2.2.3), and the block ends at the first blank line. Lines may end with a
 * bare LF or CR ({@link Kind#BARE_LINE_ENDING}, M13); 8-bit and NUL bytes are kept ({@link Kind#INVALID_HEADER_BYTES}
 * when not UTF-8, M09). A line that is neither a field, nor a continuation, nor blank ends the block without a
 * separator and is the first line of the body, as in Python's {@code email} package, with
 * {@link Kind#MALFORMED_HEADER} (not a defect when it is a delimiter line: RFC 2046 §5.1.1 allows a body part with
 * headers and no body). An mbox {@code From } line at the very start of the input is skipped
 * ({@link Kind#MBOX_FROM_LINE}).
 *
 * <h2>Bodies</h2>
 * A leaf body comes as {@link MimeEvent.BodyChunk}s; instead, right after the leaf's {@link MimeEvent.HeadersEnd} (or
 * between chunks) the caller may take {@link #rawBody()} or {@link #decodedBody()}, which read straight off the
 * source up to the next delimiter. Whatever of the body is not read is skipped by the next {@link #next()}.
 *
 * <p>The parser reads its source in full windows ({@link InputStream#readNBytes(byte[], int, int)}), so the events
 * are the same however the source splits its reads. It does not close the source. It is not thread-safe.
 */
public final class MimeParser {
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] MBOX_FROM = {'F', 'r', 'o', 'm', ' '};

  private enum State { START, HEADERS, BODY, FINISHED }

  /** An open entity. */
  private static final class Frame {
    final Frame parent;
    final int depth;
    final boolean inDigest;
    BodyKind kind;
    Section section;
    boolean boundaryActive;
    boolean digest;
    int parts;
    int headerCount;
    long headerBytes;
    Header contentType;
    int contentTypeCount;
    Header encoding;
    int encodingCount;
    TransferEncoding transferEncoding = TransferEncoding.SEVEN_BIT;
    final EnumSet<Kind> reported = EnumSet.noneOf(Kind.class);

    Frame(Frame parent, int depth, boolean inDigest) {
      this.parent = parent;
      this.depth = depth;
      this.inDigest = inDigest;
    }
  }

  private final InputWindow window;
  private final ParserLimits limits;
  private final HeaderReader headerReader;
  private final BoundaryStack<Frame> boundaries = new BoundaryStack<>();
  private final BodyScanner<Frame> scanner;
  private final ArrayDeque<MimeEvent> queue = new ArrayDeque<>();
  private State state = State.START;
  private Frame top;
  private int entities;
  private BodyStream bodyStream;

  private MimeParser(InputWindow window, ParserLimits limits) {
    this.window = window;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.headerReader = new HeaderReader(window, limits.maxFieldBytes());
    this.scanner = new BodyScanner<>(window, boundaries);
  }

  /** A parser over {@code in} with {@link ParserLimits#defaults()}. */
  public static MimeParser of(InputStream in) {
    return of(in, ParserLimits.defaults());
  }

  /** A parser over {@code in}. */
  public static MimeParser of(InputStream in, ParserLimits limits) {
    return new MimeParser(InputWindow.of(in, InputWindow.DEFAULT_CAPACITY), limits);
  }

  /**
   * A parser over a message already in memory, read in place without a copy: {@code bytes} must not change while
   * the parser is in use. Body chunks are then views of {@code bytes}.
   */
  public static MimeParser of(byte[] bytes, ParserLimits limits) {
    return new MimeParser(InputWindow.of(bytes), limits);
  }

  /** The number of input bytes consumed so far. */
  public long position() {
    return window.position();
  }

  /**
   * The next event, or null after {@link MimeEvent.End}.
   *
   * @throws MimeParseException when the input goes past a {@link ParserLimits} bound
   * @throws IOException when the source fails
   */
  public MimeEvent next() throws IOException {
    if (bodyStream != null) {
      bodyStream.detached = true;
      bodyStream = null;
      skipBody();
    }
    while (queue.isEmpty()) {
      switch (state) {
        case START -> start();
        case HEADERS -> headers();
        case BODY -> body();
        case FINISHED -> {
          return null;
        }
        default -> throw new IllegalStateException(state.toString());
      }
    }
    return queue.poll();
  }

  /**
   * The rest of the current leaf body, still transfer-encoded, read straight off the source up to the next
   * delimiter. Only valid while the parser is in a leaf body (after its {@link MimeEvent.HeadersEnd} and before the
   * next event that is not a {@link MimeEvent.BodyChunk}); the stream stops working at the next {@link #next()}.
   * Closing it does not close the source.
   *
   * @throws IllegalStateException when the parser is not in a leaf body, or a stream was already taken for it
   */
  public InputStream rawBody() {
    if (state != State.BODY || top == null || top.section != Section.BODY || bodyStream != null
        || !queue.isEmpty()) {
      throw new IllegalStateException("not positioned in a leaf body");
    }
    bodyStream = new BodyStream();
    return bodyStream;
  }

  /**
   * As {@link #rawBody()}, with the transfer encoding undone; decoding problems become {@link MimeEvent.Defect}s of
   * the leaf, returned by the next calls to {@link #next()}.
   */
  public InputStream decodedBody() {
    TransferEncoding encoding = top == null ? TransferEncoding.BINARY : top.transferEncoding;
    InputStream raw = rawBody();
    return encoding.decode(raw, d -> queue.add(new MimeEvent.Defect(d)));
  }

  private void start() throws IOException {
    top = new Frame(null, 0, false);
    queue.add(new MimeEvent.EntityStart(0, 0));
    if (headerReader.startsWith(MBOX_FROM)) {
      ByteSink line = new ByteSink(80);
      headerReader.skipLine(line, 80);
      defect(Kind.MBOX_FROM_LINE, "skipped " + Escape.quoted(line.toByteArray(), 80), 0);
    }
    state = State.HEADERS;
  }

  private void headers() throws IOException {
    int item = headerReader.next();
    switch (item) {
      case HeaderReader.FIELD -> field();
      case HeaderReader.END -> {
        byte[] separator = headerReader.separator();
        if (headerReader.bareEnding()) {
          defectOnce(Kind.BARE_LINE_ENDING, "header block ended by a bare LF or CR", headerReader.itemOffset());
        }
        countHeaderBytes(separator.length, headerReader.itemOffset());
        endHeaders(separator);
      }
      case HeaderReader.NOT_A_FIELD -> {
        if (!atDelimiterLine()) {
          defect(Kind.MALFORMED_HEADER, "a line that is not a header field ends the header block; it starts the body",
              window.position());
        }
        endHeaders(EMPTY);
      }
      case HeaderReader.EOF -> {
        if (window.position() == 0) {
          defect(Kind.TRUNCATED, "empty input", 0);
        }
        endHeaders(EMPTY);
      }
      default -> throw new IllegalStateException("header item " + item);
    }
  }

  private void field() throws IOException {
    long offset = headerReader.itemOffset();
    byte[] raw = headerReader.field();
    Frame f = top;
    if (++f.headerCount > limits.maxHeaderCount()) {
      throw new MimeParseException("more than " + limits.maxHeaderCount() + " header fields in one entity", offset);
    }
    countHeaderBytes(raw.length, offset);
    Header header = Header.parse(raw);
    if (headerReader.bareEnding()) {
      defectOnce(Kind.BARE_LINE_ENDING, "header line ended by a bare LF or CR", offset);
    }
    if (headerReader.lineEndMissing()) {
      defect(Kind.TRUNCATED, "input ended inside header field " + header.name(), offset);
    }
    if (!f.reported.contains(Kind.INVALID_HEADER_BYTES) && Utf8.hasInvalidBytes(raw)) {
      defectOnce(Kind.INVALID_HEADER_BYTES, "NUL or bytes that are not UTF-8 in " + header.name(), offset);
    }
    if (header.is("Content-Type")) {
      if (f.contentTypeCount++ == 0) {
        f.contentType = header;
      }
    } else if (header.is("Content-Transfer-Encoding")) {
      if (f.encodingCount++ == 0) {
        f.encoding = header;
      }
    }
    queue.add(new MimeEvent.HeaderField(header, offset));
  }

  private void countHeaderBytes(int n, long offset) throws MimeParseException {
    top.headerBytes += n;
    if (top.headerBytes > limits.maxHeaderBytes()) {
      throw new MimeParseException("header block larger than " + limits.maxHeaderBytes() + " bytes", offset);
    }
  }

  private boolean atDelimiterLine() throws IOException {
    while (true) {
      int r = boundaries.match(window.buf, window.pos, window.limit, window.eof());
      if (r != BoundaryStack.NEED_MORE) {
        return r == BoundaryStack.MATCH;
      }
      if (!window.fill() && !window.eof()) {
        return false;
      }
    }
  }

  private void endHeaders(byte[] separator) throws IOException {
    Frame f = top;
    long bodyOffset = window.position();
    EntityClassifier c = EntityClassifier.classify(f.contentType, f.contentTypeCount, f.encoding, f.encodingCount,
        f.inDigest, f.depth >= limits.maxDepth(), bodyOffset, d -> queue.add(new MimeEvent.Defect(d)));
    f.kind = c.bodyKind();
    f.transferEncoding = c.transferEncoding();
    f.contentType = null;
    f.encoding = null;
    queue.add(new MimeEvent.HeadersEnd(c.contentType(), c.transferEncoding(), c.bodyKind(), separator, bodyOffset));
    switch (c.bodyKind()) {
      case LEAF -> {
        f.section = Section.BODY;
        scanner.begin();
        state = State.BODY;
      }
      case MULTIPART -> {
        f.digest = c.contentType().mimeType().equals("multipart/digest");
        f.section = Section.PREAMBLE;
        boundaries.push(c.boundary(), f);
        f.boundaryActive = true;
        scanner.begin();
        state = State.BODY;
      }
      case MESSAGE -> startChild(f, false);
      default -> throw new IllegalStateException(c.bodyKind().toString());
    }
  }

  private void startChild(Frame parent, boolean inDigest) throws MimeParseException {
    if (++entities > limits.maxParts()) {
      throw new MimeParseException("more than " + limits.maxParts() + " parts", window.position());
    }
    top = new Frame(parent, parent.depth + 1, inDigest);
    queue.add(new MimeEvent.EntityStart(top.depth, window.position()));
    state = State.HEADERS;
  }

  private void body() throws IOException {
    int n = scanner.available();
    if (n > 0) {
      ByteBuffer bytes = ByteBuffer.wrap(window.buf, window.pos, n).slice().asReadOnlyBuffer();
      queue.add(new MimeEvent.BodyChunk(top.section, bytes, window.position()));
      scanner.consume(n);
      return;
    }
    if (scanner.matched()) {
      delimiter();
    } else {
      long end = window.position();
      while (top != null) {
        endEntity(end);
      }
      queue.add(new MimeEvent.End(end));
      state = State.FINISHED;
    }
  }

  private void delimiter() throws IOException {
    Frame owner = scanner.owner();
    long start = window.position();
    while (top != owner) {
      endEntity(start);
    }
    int end = window.indexOf(scanner.delimiterEnd());
    byte[] raw = Arrays.copyOfRange(window.buf, window.pos, end);
    window.pos = end;
    if (scanner.bareEnding()) {
      defectOnce(Kind.BARE_LINE_ENDING, "delimiter line with a bare LF or CR", start);
    }
    if (scanner.close()) {
      queue.add(new MimeEvent.CloseDelimiter(raw, start));
      boundaries.pop();
      owner.boundaryActive = false;
      owner.section = Section.EPILOGUE;
      scanner.begin();
    } else {
      queue.add(new MimeEvent.Delimiter(raw, start));
      owner.parts++;
      startChild(owner, owner.digest);
    }
  }

  private void endEntity(long offset) {
    Frame f = top;
    if (f.kind == BodyKind.MULTIPART) {
      if (f.boundaryActive) {
        boundaries.pop();
        f.boundaryActive = false;
        defect(Kind.MISSING_CLOSE_DELIMITER, "no close delimiter; the multipart ends here", offset);
      }
      if (f.parts == 0) {
        defect(Kind.EMPTY_MULTIPART, "a multipart without a body part", offset);
      }
    }
    queue.add(new MimeEvent.EntityEnd(f.depth, offset));
    top = f.parent;
  }

  private void skipBody() throws IOException {
    int n;
    while ((n = scanner.available()) > 0) {
      scanner.consume(n);
    }
  }

  private void defect(Kind kind, String detail, long offset) {
    queue.add(new MimeEvent.Defect(new MimeDefect(kind, detail, offset)));
  }

  private void defectOnce(Kind kind, String detail, long offset) {
    if (top.reported.add(kind)) {
      defect(kind, detail, offset);
    }
  }

  /** The current leaf body as a stream; see {@link #rawBody()}. */
  private final class BodyStream extends InputStream {
    boolean detached;

    private final byte[] one = new byte[1]; // reused: read() is called per byte by some readers


    @Override
    public int read() throws IOException {
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (detached) {
        throw new IOException("the parser has moved past this body");
      }
      if (len == 0) {
        return 0;
      }
      int n = scanner.available();
      if (n == 0) {
        return -1;
      }
      int k = Math.min(n, len);
      System.arraycopy(window.buf, window.pos, b, off, k);
      scanner.consume(k);
      return k;
    }

    @Override
    public long skip(long n) throws IOException {
      if (detached) {
        throw new IOException("the parser has moved past this body");
      }
      long skipped = 0;
      while (skipped < n) {
        int available = scanner.available();
        if (available == 0) {
          break;
        }
        int k = (int) Math.min(available, n - skipped);
        scanner.consume(k);
        skipped += k;
      }
      return skipped;
    }

    @Override
    public void close() {
      // The source belongs to the caller of MimeParser.of; the rest of the body is skipped by next().
    }
  }
}
