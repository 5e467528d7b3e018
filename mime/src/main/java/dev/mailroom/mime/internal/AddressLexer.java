package dev.mailroom.mime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a structured header value into RFC 5322 §3.2 lexical tokens for the address parser: atoms, quoted strings,
 * domain literals and specials, with comments and folding white space removed (noted on the next token). One pass,
 * linear in the input; nesting of comments is counted, not recursed (a 1 MB comment is fine, SECURITY.md M02).
 * Non-ASCII characters are atom text (RFC 6532 §3.2: {@code atext =/ UTF8-non-ascii}).
 */
public final class AddressLexer {
  /** A run of atext. */
  public static final byte ATOM = 0;
  /** A quoted-string; {@link Token#text} is its content, quoted-pairs undone. */
  public static final byte QUOTED = 1;
  /** A domain literal including its brackets. */
  public static final byte LITERAL = 2;
  /** One of {@code < > @ , ; : .}; {@link Token#text} is the character. */
  public static final byte SPECIAL = 3;
  /** Something no address may contain: a stray {@code )}, {@code ]} or {@code \}, a control character, or an
   *  unclosed quoted string or domain literal. */
  public static final byte ERROR = 4;
  /** The end of the input. */
  public static final byte END = 5;

  /**
   * A token.
   *
   * @param type one of the constants above
   * @param text the token's text
   * @param start its offset in the input
   * @param end the offset after it
   * @param spaceBefore whether white space or a comment came before it
   * @param comment the text of the last comment right before it, or null
   */
  public record Token(byte type, String text, int start, int end, boolean spaceBefore, String comment) {
    public boolean is(char special) {
      return type == SPECIAL && text.charAt(0) == special;
    }
  }

  /** Whether the lexer met an unclosed comment (the rest of the input was taken as comment). */
  private boolean unclosedComment;

  private AddressLexer() { }

  /** The tokens of {@code s}, ended by one {@link #END} token. */
  public static List<Token> tokens(String s) {
    return new AddressLexer().run(s);
  }

  private List<Token> run(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    boolean space = false;
    String comment = null;
    while (true) {
      while (i < n) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
          space = true;
          i++;
        } else if (c == '(') {
          int end = commentEnd(s, i);
          comment = commentText(s, i + 1, end);
          space = true;
          i = end;
        } else {
          break;
        }
      }
      if (i >= n) {
        out.add(new Token(unclosedComment ? ERROR : END, unclosedComment ? "(" : "", n, n, space, comment));
        if (unclosedComment) {
          out.add(new Token(END, "", n, n, false, null));
        }
        return out;
      }
      char c = s.charAt(i);
      int start = i;
      if (c == '"') {
        StringBuilder text = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char q = s.charAt(i++);
          if (q == '"') {
            closed = true;
            break;
          }
          if (q == '\\' && i < n) {
            q = s.charAt(i++);
            if (q == '\r' || q == '\n') {
              break; // obs-qp of CR or LF: no address may hold one (M01)
            }
          } else if (q == '\r' || q == '\n') {
            int k = i;
            if (q == '\r' && k < n && s.charAt(k) == '\n') {
              k++;
            }
            if (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
              i = k; // folding inside a quoted string (RFC 5322 §3.2.4 FWS)
              continue;
            }
            break; // a bare line break is not folding
          }
          text.append(q);
        }
        out.add(new Token(closed ? QUOTED : ERROR, closed ? text.toString() : "\"", start, i, space, comment));
      } else if (c == '[') {
        int close = i + 1;
        while (close < n && s.charAt(close) != ']' && s.charAt(close) != '[' && s.charAt(close) != '\\') {
          close++;
        }
        if (close < n && s.charAt(close) == ']') {
          out.add(new Token(LITERAL, stripSpace(s.substring(i, close + 1)), start, close + 1, space, comment));
          i = close + 1;
        } else {
          out.add(new Token(ERROR, "[", start, i + 1, space, comment));
          i++;
        }
      } else if ("<>@,;:.".indexOf(c) >= 0) {
        out.add(new Token(SPECIAL, String.valueOf(c), start, i + 1, space, comment));
        i++;
      } else if (isAtext(c)) {
        while (i < n) {
          int word = s.startsWith("=?", i) ? encodedWordEnd(s, i) : -1;
          if (word > 0) {
            i = word; // RFC 2047 encoded words are one unit, even with specials mailers leave in their text
          } else if (isAtext(s.charAt(i))) {
            i++;
          } else {
            break;
          }
        }
        out.add(new Token(ATOM, s.substring(start, i), start, i, space, comment));
      } else {
        out.add(new Token(ERROR, String.valueOf(c), start, i + 1, space, comment));
        i++;
      }
      space = false;
      comment = null;
    }
  }

  /** RFC 5322 §3.2.3 atext, plus UTF8-non-ascii (RFC 6532) except C1 controls. */
  public static boolean isAtext(char c) {
    if (c >= 0x80) {
      return c > 0x9f;
    }
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  /**
   * The index after an encoded word ({@code =?charset?X?text?=}, RFC 2047 §2) starting at {@code i}, or -1. The text
   * may hold any printable ASCII but {@code ?} and space, so each call stops at the third '?' after {@code i}.
   */
  private static int encodedWordEnd(String s, int i) {
    int n = s.length();
    int k = i + 2;
    int marks = 0;
    while (k < n && marks < 3) {
      char c = s.charAt(k);
      if (c <= ' ' || c >= 0x7f) {
        return -1;
      }
      if (c == '?') {
        marks++;
      }
      k++;
    }
    return marks == 3 && k < n && s.charAt(k) == '=' && k - i > 6 ? k + 1 : -1;
  }

  /** The index after the comment starting at {@code i}; nested comments and quoted-pairs counted. */
  private int commentEnd(String s, int i) {
    int depth = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    unclosedComment = true;
    return n;
  }

  /** A comment's text: quoted-pairs undone, nested parentheses kept, white space runs collapsed. */
  private static String commentText(String s, int from, int end) {
    int to = end > from && s.charAt(end - 1) == ')' ? end - 1 : end;
    StringBuilder out = new StringBuilder(Math.min(to - from, 1024));
    boolean space = false;
    for (int i = from; i < to && out.length() < 1024; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < to) {
        c = s.charAt(++i);
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String stripSpace(String literal) {
    StringBuilder out = new StringBuilder(literal.length());
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
