package dev.mailroom.imap;

import java.util.Locale;
import java.util.Objects;

/**
 * A capability the server advertises (RFC 3501 §7.2.1), compared case-insensitively (stored upper case).
 *
 * <pre>{@code
 * if (session.capabilities().contains(Capability.MOVE)) { ... }
 * }</pre>
 *
 * @param name the capability, such as {@code IDLE} or {@code AUTH=PLAIN}
 */
public record Capability(String name) {
  public static final Capability IMAP4REV1 = new Capability("IMAP4rev1");
  public static final Capability IMAP4REV2 = new Capability("IMAP4rev2");
  public static final Capability STARTTLS = new Capability("STARTTLS");
  public static final Capability LOGINDISABLED = new Capability("LOGINDISABLED");
  public static final Capability SASL_IR = new Capability("SASL-IR");
  public static final Capability LITERAL_PLUS = new Capability("LITERAL+");
  public static final Capability LITERAL_MINUS = new Capability("LITERAL-");
  public static final Capability IDLE = new Capability("IDLE");
  public static final Capability MOVE = new Capability("MOVE");
  public static final Capability UIDPLUS = new Capability("UIDPLUS");
  public static final Capability UNSELECT = new Capability("UNSELECT");
  public static final Capability NAMESPACE = new Capability("NAMESPACE");
  public static final Capability ID = new Capability("ID");
  public static final Capability ENABLE = new Capability("ENABLE");
  public static final Capability UTF8_ACCEPT = new Capability("UTF8=ACCEPT");
  public static final Capability SPECIAL_USE = new Capability("SPECIAL-USE");
  public static final Capability CHILDREN = new Capability("CHILDREN");
  public static final Capability BINARY = new Capability("BINARY");
  public static final Capability ESEARCH = new Capability("ESEARCH");
  public static final Capability CONDSTORE = new Capability("CONDSTORE");
  public static final Capability QRESYNC = new Capability("QRESYNC");
  public static final Capability SEARCHRES = new Capability("SEARCHRES");
  public static final Capability SORT = new Capability("SORT");
  public static final Capability SORT_DISPLAY = new Capability("SORT=DISPLAY");
  public static final Capability ESORT = new Capability("ESORT");
  public static final Capability CONTEXT_SEARCH = new Capability("CONTEXT=SEARCH");
  public static final Capability WITHIN = new Capability("WITHIN");
  public static final Capability LIST_EXTENDED = new Capability("LIST-EXTENDED");
  public static final Capability LIST_STATUS = new Capability("LIST-STATUS");
  public static final Capability CREATE_SPECIAL_USE = new Capability("CREATE-SPECIAL-USE");
  public static final Capability MULTIAPPEND = new Capability("MULTIAPPEND");
  public static final Capability CATENATE = new Capability("CATENATE");
  public static final Capability QUOTA = new Capability("QUOTA");
  public static final Capability ACL = new Capability("ACL");
  public static final Capability METADATA = new Capability("METADATA");
  public static final Capability METADATA_SERVER = new Capability("METADATA-SERVER");
  public static final Capability COMPRESS_DEFLATE = new Capability("COMPRESS=DEFLATE");
  public static final Capability NOTIFY = new Capability("NOTIFY");
  public static final Capability STATUS_SIZE = new Capability("STATUS=SIZE");
  public static final Capability SAVEDATE = new Capability("SAVEDATE");
  public static final Capability PREVIEW = new Capability("PREVIEW");
  public static final Capability OBJECTID = new Capability("OBJECTID");

  public Capability {
    Objects.requireNonNull(name, "name");
    name = name.toUpperCase(Locale.ROOT);
  }

  public static Capability of(String name) {
    return new Capability(name);
  }

  /** The SASL mechanism of an {@code AUTH=} capability, or null. */
  public String authMechanism() {
    return name.startsWith("AUTH=") ? name.substring(5) : null;
  }

  @Override
  public String toString() {
    return name;
  }
}
