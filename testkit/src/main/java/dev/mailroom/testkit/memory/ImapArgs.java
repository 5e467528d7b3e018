package dev.mailroom.testkit.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A cursor over a command's tokens after the tag and command name, with the RFC 3501 argument shapes. */
final class ImapArgs {
  /** A missing or wrong-shaped argument: the command gets BAD. */
  static final class BadException extends Exception {
    private static final long serialVersionUID = 1L;

    BadException(String message) {
      super(message);
    }
  }

  private final List<ImapReader.Token> tokens;
  private int position;

  ImapArgs(List<ImapReader.Token> tokens, int start) {
    this.tokens = tokens;
    this.position = start;
  }

  boolean atEnd() {
    return position >= tokens.size();
  }

  ImapReader.Token peek() {
    return atEnd() ? null : tokens.get(position);
  }

  boolean peekIs(ImapReader.Kind kind) {
    return !atEnd() && tokens.get(position).kind() == kind;
  }

  ImapReader.Token next() throws BadException {
    if (atEnd()) {
      throw new BadException("missing argument");
    }
    return tokens.get(position++);
  }

  String atom() throws BadException {
    ImapReader.Token t = next();
    if (t.kind() != ImapReader.Kind.ATOM) {
      throw new BadException("expected an atom");
    }
    return t.text();
  }

  String upperAtom() throws BadException {
    return atom().toUpperCase(Locale.ROOT);
  }

  /** An astring: atom, quoted string or literal, as UTF-8 text. */
  String astring() throws BadException {
    ImapReader.Token t = next();
    return switch (t.kind()) {
      case ATOM, QUOTED -> t.text();
      case LITERAL -> new String(t.bytes(), StandardCharsets.UTF_8);
      default -> throw new BadException("expected a string");
    };
  }

  /** A literal's (or a string's) bytes. */
  byte[] bytes() throws BadException {
    ImapReader.Token t = next();
    if (t.kind() == ImapReader.Kind.LPAREN || t.kind() == ImapReader.Kind.RPAREN) {
      throw new BadException("expected a literal");
    }
    return t.bytes();
  }

  /** A parenthesised list of atoms/strings (no nesting), as text. */
  List<String> list() throws BadException {
    if (!peekIs(ImapReader.Kind.LPAREN)) {
      throw new BadException("expected a list");
    }
    next();
    List<String> items = new ArrayList<>();
    while (true) {
      ImapReader.Token t = next();
      if (t.kind() == ImapReader.Kind.RPAREN) {
        return items;
      }
      if (t.kind() == ImapReader.Kind.LPAREN) {
        throw new BadException("nested list");
      }
      items.add(t.kind() == ImapReader.Kind.LITERAL ? new String(t.bytes(), StandardCharsets.UTF_8) : t.text());
    }
  }

  /** A list, or a single atom as a one-item list. */
  List<String> listOrAtom() throws BadException {
    return peekIs(ImapReader.Kind.LPAREN) ? list() : List.of(atom());
  }

  void end() throws BadException {
    if (!atEnd()) {
      throw new BadException("unexpected extra arguments");
    }
  }
}
