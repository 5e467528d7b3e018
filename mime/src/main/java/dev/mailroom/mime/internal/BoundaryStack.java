package dev.mailroom.mime.internal;

import java.util.Arrays;

/**
 * The boundaries of the multiparts that are still waiting for delimiters, innermost first, as a linked stack (the
 * MimeKit design, STYLE.md §3). A candidate line is checked against the immediate boundary and then against each
 * parent's, so broken nesting still ends cleanly: a parent's delimiter ends the inner multiparts.
 *
 * <p>Matching follows RFC 2046 §5.1.1: after {@code "--" boundary} comes either {@code "--"} (a close delimiter) or
 * nothing, then transport padding (spaces and tabs, at most {@link #MAX_PADDING}) and a line ending (CRLF, or a bare
 * LF or CR, SECURITY.md M13) or the end of the input. Anything else after the boundary means the line is not a
 * delimiter, so {@code --b} never matches a {@code --bb} line. A boundary cannot contain CR or LF, which makes the
 * answer for a higher-priority boundary known whenever a lower-priority one matches completely.
 *
 * @param <T> what a boundary belongs to (the parser's multipart frame)
 */
public final class BoundaryStack<T> {
  /** The longest boundary accepted; RFC 2046 allows 70, RFC 5322 §2.1.1 lines 998. */
  public static final int MAX_BOUNDARY_LENGTH = 998;
  /** The most transport padding recognized after a boundary. */
  public static final int MAX_PADDING = 8192;
  /** The longest delimiter line: CRLF, "--", boundary, "--", padding, CRLF. */
  public static final int MAX_LINE = 2 + 2 + MAX_BOUNDARY_LENGTH + 2 + MAX_PADDING + 2;

  /** {@link #match}: the line is not a delimiter of any boundary on the stack. */
  public static final int NO_MATCH = 0;
  /** {@link #match}: the line is a delimiter; see {@link #matchedOwner()} and friends. */
  public static final int MATCH = 1;
  /** {@link #match}: more input is needed to decide. */
  public static final int NEED_MORE = 2;

  private static final class Node<T> {
    final byte[] boundary;
    final T owner;
    final Node<T> parent;

    Node(byte[] boundary, T owner, Node<T> parent) {
      this.boundary = boundary;
      this.owner = owner;
      this.parent = parent;
    }
  }

  private Node<T> top;
  private int size;
  private T matchedOwner;
  private boolean matchedClose;
  private int matchedEnd;
  private boolean matchedBareEnding;

  /** Pushes the boundary of a multipart that starts; {@code boundary} has 1 to {@link #MAX_BOUNDARY_LENGTH} bytes. */
  public void push(byte[] boundary, T owner) {
    if (boundary.length == 0 || boundary.length > MAX_BOUNDARY_LENGTH) {
      throw new IllegalArgumentException("boundary length " + boundary.length);
    }
    for (byte b : boundary) {
      if (b == '\r' || b == '\n') {
        throw new IllegalArgumentException("CR or LF in a boundary");
      }
    }
    top = new Node<>(boundary.clone(), owner, top);
    size++;
  }

  /** Removes the innermost boundary (its multipart was closed or ended). */
  public T pop() {
    T owner = top.owner;
    top = top.parent;
    size--;
    return owner;
  }

  /** The owner of the innermost boundary, or null. */
  public T top() {
    return top == null ? null : top.owner;
  }

  public boolean isEmpty() {
    return top == null;
  }

  public int size() {
    return size;
  }

  /**
   * Whether the line at {@code buf[i]} (which the caller knows starts a line) is a delimiter of one of the
   * boundaries, innermost first.
   *
   * @param limit one past the last available byte
   * @param eof whether no byte after {@code limit} will come
   * @return {@link #MATCH}, {@link #NO_MATCH} or, only when {@code eof} is false, {@link #NEED_MORE}
   */
  public int match(byte[] buf, int i, int limit, boolean eof) {
    if (limit - i < 2) {
      return eof ? NO_MATCH : NEED_MORE;
    }
    if (buf[i] != '-' || buf[i + 1] != '-') {
      return NO_MATCH;
    }
    for (Node<T> node = top; node != null; node = node.parent) {
      int r = matchOne(node, buf, i + 2, limit, eof);
      if (r != NO_MATCH) {
        return r;
      }
    }
    return NO_MATCH;
  }

  private int matchOne(Node<T> node, byte[] buf, int j, int limit, boolean eof) {
    byte[] b = node.boundary;
    int available = limit - j;
    int compare = Math.min(available, b.length);
    if (!Arrays.equals(buf, j, j + compare, b, 0, compare)) {
      return NO_MATCH;
    }
    if (available < b.length) {
      return eof ? NO_MATCH : NEED_MORE;
    }
    int k = j + b.length;
    boolean close = false;
    if (k < limit && buf[k] == '-') {
      if (k + 1 == limit) {
        return eof ? NO_MATCH : NEED_MORE;
      }
      if (buf[k + 1] != '-') {
        return NO_MATCH;
      }
      close = true;
      k += 2;
    }
    int paddingStart = k;
    while (k < limit && (buf[k] == ' ' || buf[k] == '\t')) {
      k++;
      if (k - paddingStart > MAX_PADDING) {
        return NO_MATCH;
      }
    }
    boolean bare;
    if (k == limit) {
      if (!eof) {
        return NEED_MORE;
      }
      bare = false;
    } else if (buf[k] == '\n') {
      k++;
      bare = true;
    } else if (buf[k] == '\r') {
      if (k + 1 == limit && !eof) {
        return NEED_MORE;
      }
      if (k + 1 < limit && buf[k + 1] == '\n') {
        k += 2;
        bare = false;
      } else {
        k++;
        bare = true;
      }
    } else {
      return NO_MATCH;
    }
    matchedOwner = node.owner;
    matchedClose = close;
    matchedEnd = k;
    matchedBareEnding = bare;
    return MATCH;
  }

  /** After {@link #MATCH}: whose boundary matched. */
  public T matchedOwner() {
    return matchedOwner;
  }

  /** After {@link #MATCH}: whether it is a close delimiter ({@code --boundary--}). */
  public boolean matchedClose() {
    return matchedClose;
  }

  /** After {@link #MATCH}: the window index one past the delimiter line's line ending. */
  public int matchedEnd() {
    return matchedEnd;
  }

  /** After {@link #MATCH}: whether the line ended with a bare LF or CR. */
  public boolean matchedBareEnding() {
    return matchedBareEnding;
  }
}
