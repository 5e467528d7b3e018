package dev.mailroom.mime.internal;

import static dev.mailroom.mime.internal.AddressLexer.ATOM;
import static dev.mailroom.mime.internal.AddressLexer.END;
import static dev.mailroom.mime.internal.AddressLexer.LITERAL;
import static dev.mailroom.mime.internal.AddressLexer.QUOTED;

import dev.mailroom.mime.Address;
import dev.mailroom.mime.GroupAddress;
import dev.mailroom.mime.MailboxAddress;
import dev.mailroom.mime.MimeDefect;
import dev.mailroom.mime.codec.EncodedWord;
import dev.mailroom.mime.internal.AddressLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 5322 §3.4 address lists over {@link AddressLexer} tokens, with the obsolete forms of §4.4 (routes, CFWS around
 * dots, empty list elements, phrases with dots) and RFC 6532 UTF-8.
 *
 * <p>An entry is either parsed exactly or dropped with an {@code INVALID_ADDRESS} defect that quotes it; the parser
 * then resumes after the next top-level comma. It never guesses silently: {@code alice@example.org)<bob@example.org>}
 * and {@code a@b@c} give a defect and no address (SECURITY.md M02). Two lenient readings are taken, each with a
 * defect: a missing {@code >} at the end of the field, and a display name followed by an address without angle
 * brackets ({@code John Smith john@example.org}). Work is linear in the input.
 */
public final class AddressParser {
  private final String s;
  private final List<Token> t;
  private final Consumer<MimeDefect> defects;
  private int p;

  private AddressParser(String s, Consumer<MimeDefect> defects) {
    this.s = s;
    this.t = AddressLexer.tokens(s);
    this.defects = defects;
  }

  /** Parses an address-list; invalid entries are reported and left out. */
  public static List<Address> parseList(String s, Consumer<MimeDefect> defects) {
    return new AddressParser(s, defects).list();
  }

  /**
   * Parses a bare addr-spec ({@code local@domain}, nothing else but CFWS).
   *
   * @throws IllegalArgumentException if it is not exactly one
   */
  public static MailboxAddress parseAddrSpec(String s, String displayName) {
    List<MimeDefect> found = new ArrayList<>();
    AddressParser parser = new AddressParser(s, found::add);
    try {
      MailboxAddress m = parser.addrSpec(displayName);
      if (parser.peek().type() != END) {
        throw new Invalid("unexpected '" + parser.peek().text() + "' after the address");
      }
      if (!found.isEmpty()) {
        throw new Invalid(found.get(0).detail());
      }
      return m;
    } catch (Invalid e) {
      throw new IllegalArgumentException("not an address: '" + Ascii.escape(s, 80) + "': " + e.getMessage());
    }
  }

  /** A structural error in one entry; caught per entry. Stackless: it is control flow. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private Token peek() {
    return t.get(p);
  }

  private Token next() {
    Token token = t.get(p);
    if (token.type() != END) {
      p++;
    }
    return token;
  }

  private void expect(char special) {
    Token token = next();
    if (!token.is(special)) {
      throw new Invalid("expected '" + special + "' but found " + describe(token));
    }
  }

  private static String describe(Token token) {
    return token.type() == END ? "the end" : "'" + Ascii.escape(token.text(), 20) + "'";
  }

  private void defect(String detail, int start, int end) {
    defects.accept(new MimeDefect(MimeDefect.Kind.INVALID_ADDRESS,
        detail + ": '" + Ascii.escape(s.substring(start, Math.min(end, s.length())).trim(), 64) + "'", -1));
  }

  private List<Address> list() {
    List<Address> out = new ArrayList<>();
    while (peek().type() != END) {
      if (peek().is(',')) {
        p++; // obs-addr-list: empty elements
        continue;
      }
      int first = p;
      try {
        Address a = address();
        Token after = peek();
        if (after.type() != END && !after.is(',')) {
          throw new Invalid("unexpected " + describe(after) + " after the address");
        }
        out.add(a);
      } catch (Invalid e) {
        p = first;
        recover(false);
        defect(e.getMessage(), t.get(first).start(), t.get(p).start());
      }
    }
    return out;
  }

  /** Skips to the next top-level ',' (or ';' inside a group), outside angle brackets. */
  private void recover(boolean inGroup) {
    int angle = 0;
    while (peek().type() != END) {
      Token token = peek();
      if (token.is('<')) {
        angle++;
      } else if (token.is('>') && angle > 0) {
        angle--;
      } else if (angle == 0 && (token.is(',') || (inGroup && token.is(';')))) {
        return;
      }
      p++;
    }
  }

  private Address address() {
    int first = p;
    int words = phraseEnd(p);
    Token after = t.get(words);
    if (after.is(':')) {
      return group(first, words);
    }
    return mailbox(first, words);
  }

  /** The index after the run of words (atoms, quoted strings) and dots starting at {@code from}. */
  private int phraseEnd(int from) {
    int i = from;
    while (true) {
      Token token = t.get(i);
      if (token.type() == ATOM || token.type() == QUOTED || token.is('.')) {
        i++;
      } else {
        return i;
      }
    }
  }

  private MailboxAddress mailbox(int first, int words) {
    Token after = t.get(words);
    if (after.is('<')) {
      String name = phrase(first, words);
      p = words;
      return angleAddr(name.isEmpty() ? commentName(first) : name);
    }
    if (after.is('@')) {
      if (words == first) {
        throw new Invalid("expected a local part before '@'");
      }
      int local = localPartStart(first, words);
      if (local == first) {
        p = first;
        return addrSpec(null);
      }
      // "John Smith john@example.org": a phrase, then an addr-spec without angle brackets.
      String name = phrase(first, local);
      p = local;
      MailboxAddress m = addrSpec(name);
      defect("address without angle brackets after a display name", t.get(first).start(), t.get(p).start());
      return m;
    }
    if (words == first) {
      throw new Invalid("expected an address but found " + describe(after));
    }
    throw new Invalid(after.is(',') || after.type() == END ? "no '@' in the address"
        : "unexpected " + describe(after));
  }

  /** Where the local part ends its backward run of {@code word *("." word)} before the '@' at {@code words}. */
  private int localPartStart(int first, int words) {
    int i = words - 1;
    while (i > first) {
      Token prev = t.get(i - 1);
      Token cur = t.get(i);
      boolean joined = prev.is('.') || cur.is('.') || !cur.spaceBefore();
      if (!joined) {
        break;
      }
      i--;
    }
    return i;
  }

  /** A display name: words joined by single spaces where the source had white space, encoded words decoded. */
  private String phrase(int from, int to) {
    if (from == to) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token token = t.get(i);
      if (token.spaceBefore() && out.length() > 0) {
        out.append(' ');
      }
      out.append(token.text());
    }
    return EncodedWord.decodeText(out.toString(), defects).trim();
  }

  /** The old {@code address (Name)} form: the entry's last comment as display name, or "". */
  private String commentName(int first) {
    String name = null;
    for (int i = first; i < t.size(); i++) {
      Token token = t.get(i);
      if (token.comment() != null) {
        name = token.comment();
      }
      if (i > first && (token.is(',') || token.is(';') || token.type() == END)) {
        break;
      }
    }
    return name == null ? "" : EncodedWord.decodePhrase(name, defects);
  }

  /** {@code "<" [obs-route] addr-spec ">"}; a missing '>' at the very end of the field is tolerated with a defect. */
  private MailboxAddress angleAddr(String name) {
    int open = p;
    expect('<');
    if (peek().is('@') || peek().is(',')) {
      // obs-route: *(CFWS / ",") "@" domain *("," [CFWS] ["@" domain]) ":" -- parsed and ignored (RFC 5322 §4.4)
      while (peek().is(',') || peek().is('@')) {
        if (next().is('@')) {
          domain();
        }
      }
      expect(':');
    }
    MailboxAddress m = addrSpec(name);
    if (peek().is('>')) {
      p++;
    } else if (peek().type() == END) {
      defect("missing '>' at the end", t.get(open).start(), t.get(p).start());
    } else {
      throw new Invalid("expected '>' but found " + describe(peek()));
    }
    return m;
  }

  private MailboxAddress addrSpec(String name) {
    int start = p;
    String local = localPart();
    expect('@');
    String domain = domain();
    try {
      return new MailboxAddress(name == null ? commentName(start) : name, local, domain);
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
  }

  /**
   * {@code dot-atom / quoted-string / obs-local-part}: words separated by dots (CFWS around them allowed). Empty
   * words ({@code john..doe}, docomo style) are kept, with a defect.
   */
  private String localPart() {
    StringBuilder out = new StringBuilder();
    int start = p;
    boolean expectWord = true;
    boolean irregular = false;
    while (true) {
      Token token = peek();
      if (token.type() == ATOM || token.type() == QUOTED) {
        if (!expectWord) {
          throw new Invalid("two words without a dot in the local part");
        }
        out.append(token.text());
        expectWord = false;
      } else if (token.is('.')) {
        irregular |= expectWord;
        out.append('.');
        expectWord = true;
      } else {
        break;
      }
      p++;
    }
    if (out.length() == 0) {
      throw new Invalid("expected a local part but found " + describe(peek()));
    }
    if (irregular || expectWord) {
      defect("empty word in the local part", t.get(start).start(), peek().start());
    }
    return out.toString();
  }

  /** {@code dot-atom / domain-literal / obs-domain}. */
  private String domain() {
    Token token = next();
    if (token.type() == LITERAL) {
      return token.text();
    }
    if (token.type() != ATOM) {
      throw new Invalid("expected a domain but found " + describe(token));
    }
    StringBuilder out = new StringBuilder(token.text());
    while (peek().is('.')) {
      p++;
      Token label = next();
      if (label.type() != ATOM) {
        throw new Invalid("expected a domain label after '.' but found " + describe(label));
      }
      out.append('.').append(label.text());
    }
    return out.toString();
  }

  /** {@code display-name ":" [group-list] ";"}; a missing ';' at the end of the input is tolerated with a defect. */
  private GroupAddress group(int first, int words) {
    String name = phrase(first, words);
    if (name.isEmpty()) {
      defect("group without a display name", t.get(first).start(), t.get(words).end());
    }
    p = words + 1;
    List<MailboxAddress> members = new ArrayList<>();
    while (true) {
      Token token = peek();
      if (token.is(';')) {
        p++;
        break;
      }
      if (token.type() == END) {
        defect("group without ';'", t.get(first).start(), s.length());
        break;
      }
      if (token.is(',')) {
        p++;
        continue;
      }
      int member = p;
      try {
        int end = phraseEnd(p);
        if (t.get(end).is(':')) {
          throw new Invalid("a group inside a group");
        }
        MailboxAddress m = mailbox(member, end);
        if (!peek().is(',') && !peek().is(';') && peek().type() != END) {
          throw new Invalid("unexpected " + describe(peek()) + " after the address");
        }
        members.add(m);
      } catch (Invalid e) {
        p = member;
        recover(true);
        defect(e.getMessage(), t.get(member).start(), t.get(p).start());
      }
    }
    return new GroupAddress(name, members);
  }
}
