package dev.mailroom.imap.internal.wire;

import dev.mailroom.client.internal.transport.Sensitivity;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds commands from typed values only (STYLE.md §6). Strings go as an atom, a quoted string or a literal,
 * whichever is safe: CR or LF always force a literal, 8-bit text is quoted only once UTF-8 is enabled (RFC 9051,
 * RFC 6855) and otherwise sent as a literal, and NUL is refused before anything is written (SECURITY.md I03, I04,
 * I06). Atoms (flags, keywords, fixed syntax) are checked against ATOM-CHAR. Calls chain; {@link #build()} returns
 * the pieces the pipeline writes. Not thread-safe; one encoder per command.
 *
 * <pre>{@code
 * EncodedCommand select = new ImapEncoder("SELECT", LiteralMode.PLUS, false).sp().mailbox("INBOX").build();
 * }</pre>
 */
public final class ImapEncoder {
  private final LiteralMode literalMode;
  private final boolean utf8;
  private final String name;
  private final List<EncodedCommand.Piece> pieces = new ArrayList<>();
  private final List<EncodedCommand.Literal> literals = new ArrayList<>();
  private ByteArrayOutputStream current = new ByteArrayOutputStream();
  private int secretFrom = -1;

  /** Starts a command with its name (an atom such as {@code "UID FETCH"} written verbatim). */
  public ImapEncoder(String name, LiteralMode literalMode, boolean utf8) {
    this.literalMode = literalMode;
    this.utf8 = utf8;
    this.name = name;
    for (String word : name.split(" ")) {
      requireAtom(word);
    }
    ascii(name);
  }

  public ImapEncoder sp() {
    current.write(' ');
    return this;
  }

  /** An atom (verb, keyword, flag name); refused unless every char is an ATOM-CHAR (I04). */
  public ImapEncoder atom(String atom) {
    requireAtom(atom);
    return ascii(atom);
  }

  /** A flag: {@code \System} flags or keyword atoms (I04). */
  public ImapEncoder flag(String flag) {
    if (flag.startsWith("\\")) {
      current.write('\\');
      return atom(flag.substring(1));
    }
    return atom(flag);
  }

  /** {@code "(" flag *(SP flag) ")"}, each checked by {@link #flag} (SECURITY.md I04). */
  public ImapEncoder flagList(java.util.Collection<String> flags) {
    listStart();
    boolean first = true;
    for (String f : flags) {
      if (!first) {
        sp();
      }
      first = false;
      flag(f);
    }
    return listEnd();
  }

  /** Fixed syntax from this module (never caller text): brackets, sections, sets already validated. */
  public ImapEncoder raw(String syntax) {
    for (int i = 0; i < syntax.length(); i++) {
      char c = syntax.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("control or 8-bit character in command syntax");
      }
    }
    return ascii(syntax);
  }

  public ImapEncoder number(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative number: " + n);
    }
    return ascii(Long.toString(n));
  }

  public ImapEncoder listStart() {
    current.write('(');
    return this;
  }

  public ImapEncoder listEnd() {
    current.write(')');
    return this;
  }

  /** {@code astring}: an atom when the text is one, else a {@link #string(String)}. */
  public ImapEncoder astring(String s) {
    if (CharClass.isAstring(s)) {
      return ascii(s);
    }
    return string(s);
  }

  /** {@code string}: quoted when every char may be quoted, else a literal. NUL is refused (I03). */
  public ImapEncoder string(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL cannot be sent in an IMAP string");
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (quotable(s) && bytes.length <= 1000) {
      current.write('"');
      for (byte b : bytes) {
        if (b == '"' || b == '\\') {
          current.write('\\');
        }
        current.write(b);
      }
      current.write('"');
      return this;
    }
    return literal(bytes);
  }

  /** A mailbox name: modified UTF-7 unless UTF-8 was enabled; INBOX in any case is sent as {@code INBOX}. */
  public ImapEncoder mailbox(String name) {
    if (name.equalsIgnoreCase("INBOX")) {
      return ascii("INBOX");
    }
    return astring(utf8 ? name : ModifiedUtf7.encode(name));
  }

  /** A literal from memory. */
  public ImapEncoder literal(byte[] bytes) {
    return literal(bytes.length, bytes, null, false);
  }

  /** A literal streamed from {@code in}, which must yield exactly {@code size} bytes; {@code binary}: {@code ~{n}}. */
  public ImapEncoder literal(long size, InputStream in, boolean binary) {
    return literal(size, null, in, binary);
  }

  private ImapEncoder literal(long size, byte[] bytes, InputStream in, boolean binary) {
    boolean sync = !literalMode.nonSynchronizing(size);
    ascii((binary ? "~{" : "{") + size + (sync ? "}" : "+}"));
    pieces.add(new EncodedCommand.Piece(current.toByteArray(), sensitivity()));
    literals.add(new EncodedCommand.Literal(size, bytes, in, sync));
    current = new ByteArrayOutputStream();
    secretFrom = secretFrom >= 0 ? 0 : -1;
    return this;
  }

  /** Everything written from here on is redacted in traces (credentials). */
  public ImapEncoder secret() {
    secretFrom = current.size();
    return this;
  }

  public EncodedCommand build() {
    pieces.add(new EncodedCommand.Piece(current.toByteArray(), sensitivity()));
    return new EncodedCommand(pieces, literals, name);
  }

  private Sensitivity sensitivity() {
    return secretFrom < 0 ? Sensitivity.PUBLIC : Sensitivity.revealing(secretFrom);
  }

  private boolean quotable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || (c > 0x7e && !utf8) || c < 0x20 && c != '\t' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private ImapEncoder ascii(String s) {
    current.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  private static void requireAtom(String atom) {
    if (!CharClass.isAtom(atom)) {
      throw new IllegalArgumentException("not an IMAP atom: '" + atom.replaceAll("[\\p{Cntrl}]", "?") + "'");
    }
  }
}
