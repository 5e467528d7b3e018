package dev.mailroom.testkit.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one IMAP command (RFC 3501 §9 grammar, server side) into tokens: atoms (a {@code [...]} section with its
 * spaces and parentheses stays inside its atom, so {@code BODY.PEEK[HEADER.FIELDS (From)]<0.100>} is one token),
 * quoted strings, literals and parentheses. Synchronizing literals get a {@code +} continuation; non-synchronizing
 * ones ({@code {n+}}, RFC 7888 LITERAL+) are read straight on. Every line and literal is bounded.
 */
final class ImapReader {
  static final int MAX_LINE = 64 * 1024;
  private static final Pattern LITERAL = Pattern.compile("\\{([0-9]{1,20})(\\+?)\\}$");

  /** Token kinds. */
  enum Kind { ATOM, QUOTED, LITERAL, LPAREN, RPAREN }

  /** One token; {@code bytes} holds a literal's or quoted string's raw bytes. */
  record Token(Kind kind, String text, byte[] bytes) {
    static Token atom(String text) {
      return new Token(Kind.ATOM, text, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A literal over the size limit: the command is refused and the connection ends. */
  static final class LiteralTooBigException extends IOException {
    private static final long serialVersionUID = 1L;

    LiteralTooBigException(String size) {
      super("literal of " + size + " bytes is too big");
    }
  }

  /** A malformed command line (unbalanced quote, bad literal syntax). */
  static final class SyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  private final LineChannel channel;
  private final long maxLiteral;

  ImapReader(LineChannel channel, long maxLiteral) {
    this.channel = channel;
    this.maxLiteral = maxLiteral;
  }

  /**
   * Reads the next command's tokens.
   *
   * @return the tokens, or null at end of stream
   */
  List<Token> read() throws IOException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      byte[] raw = channel.readLine(MAX_LINE, true);
      if (raw == null) {
        if (tokens.isEmpty()) {
          return null;
        }
        throw new java.io.EOFException("connection closed inside a command");
      }
      String line = new String(raw, StandardCharsets.UTF_8);
      Matcher literal = LITERAL.matcher(line);
      boolean hasLiteral = literal.find();
      tokenize(hasLiteral ? line.substring(0, literal.start()) : line, tokens);
      if (!hasLiteral) {
        return tokens;
      }
      String digits = literal.group(1);
      long size = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
      boolean synchronizing = literal.group(2).isEmpty();
      if (size > maxLiteral) {
        throw new LiteralTooBigException(digits);
      }
      if (synchronizing) {
        channel.writeLine("+ Ready for literal data");
        channel.flush();
      }
      tokens.add(new Token(Kind.LITERAL, null, channel.readExactly((int) size)));
    }
  }

  /** Reads one raw line (an AUTHENTICATE response or IDLE's DONE). */
  String readLine() throws IOException {
    return channel.readTextLine(MAX_LINE);
  }

  static void tokenize(String line, List<Token> tokens) throws SyntaxException {
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "(", null));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")", null));
        i++;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char q = line.charAt(i++);
          if (q == '\\' && i < n) {
            s.append(line.charAt(i++));
          } else if (q == '"') {
            closed = true;
            break;
          } else {
            s.append(q);
          }
        }
        if (!closed) {
          throw new SyntaxException("unterminated quoted string");
        }
        String text = s.toString();
        tokens.add(new Token(Kind.QUOTED, text, text.getBytes(StandardCharsets.UTF_8)));
      } else if (c == '{') {
        throw new SyntaxException("a literal must end its line");
      } else {
        int start = i;
        int depth = 0;
        while (i < n) {
          char a = line.charAt(i);
          if (a == '[') {
            depth++;
          } else if (a == ']') {
            depth = Math.max(0, depth - 1);
          } else if (depth == 0 && (a == ' ' || a == '(' || a == ')')) {
            break;
          }
          i++;
        }
        tokens.add(Token.atom(line.substring(start, i)));
      }
    }
  }
}
