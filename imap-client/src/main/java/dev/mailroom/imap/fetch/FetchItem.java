package dev.mailroom.imap.fetch;

/**
 * One data item a FETCH asks for (RFC 3501 §6.4.5). A sealed set of records so later extensions (MODSEQ, BINARY,
 * PREVIEW) are added here as new records and every switch over items is checked by the compiler.
 */
public sealed interface FetchItem {
  FetchItem FLAGS = new Simple("FLAGS");
  FetchItem INTERNALDATE = new Simple("INTERNALDATE");
  FetchItem RFC822_SIZE = new Simple("RFC822.SIZE");
  FetchItem ENVELOPE = new Simple("ENVELOPE");
  FetchItem BODYSTRUCTURE = new Simple("BODYSTRUCTURE");
  FetchItem UID = new Simple("UID");
  /** The message's mod-sequence (RFC 7162 §3.1.4.1); asking for it enables CONDSTORE for the session. */
  FetchItem MODSEQ = new Simple("MODSEQ");

  /** {@code PREVIEW} (RFC 8970): a short plain-text preview; needs PREVIEW. */
  FetchItem PREVIEW = new Simple("PREVIEW");
  /** {@code SAVEDATE} (RFC 8514): when the message was saved into the mailbox; needs SAVEDATE. */
  FetchItem SAVEDATE = new Simple("SAVEDATE");
  /** {@code EMAILID} (RFC 8474): the server's stable message id; needs OBJECTID. */
  FetchItem EMAILID = new Simple("EMAILID");
  /** {@code THREADID} (RFC 8474); needs OBJECTID. */
  FetchItem THREADID = new Simple("THREADID");

  /** {@code BINARY[part]} decoded by the server (RFC 3516 §4.1), or {@code BINARY.PEEK}; needs BINARY. */
  static FetchItem binary(String part, boolean peek) {
    return new Binary(part, peek, -1, -1);
  }

  /** {@code BINARY.SIZE[part]} (RFC 3516 §4.2): the decoded size; needs BINARY. */
  static FetchItem binarySize(String part) {
    return new BinarySize(part);
  }

  /** The item as sent in the FETCH list. */
  String wire();

  /** A fixed item such as {@code FLAGS} or {@code UID}. */
  record Simple(String wire) implements FetchItem {
  }

  /**
   * {@code BINARY[part]<partial>} or {@code BINARY.PEEK[...]} (RFC 3516 §4.1): the part with its
   * content-transfer-encoding removed by the server; streamed like a body section, marked {@link BodyPart#binary()}.
   *
   * @param part the part path ({@code ""} for the whole message)
   * @param peek whether {@code BINARY.PEEK}
   * @param offset the partial origin, or -1
   * @param length the partial length, or -1
   */
  record Binary(String part, boolean peek, long offset, long length) implements FetchItem {
    public Binary {
      new BodySection(part, BodySection.Kind.WHOLE, java.util.List.of(), peek, offset, length); // validates
    }

    /** Only {@code length} decoded bytes from {@code offset}. */
    public Binary partial(long from, long count) {
      if (from < 0 || count < 1) {
        throw new IllegalArgumentException("invalid partial range");
      }
      return new Binary(part, peek, from, count);
    }

    @Override
    public String wire() {
      return (peek ? "BINARY.PEEK[" : "BINARY[") + part + "]" + (offset < 0 ? "" : "<" + offset + "." + length + ">");
    }
  }

  /** {@code BINARY.SIZE[part]}. */
  record BinarySize(String part) implements FetchItem {
    public BinarySize {
      new BodySection(part, BodySection.Kind.WHOLE, java.util.List.of(), false, -1, -1); // validates
    }

    @Override
    public String wire() {
      return "BINARY.SIZE[" + part + "]";
    }
  }

  /** {@code BODY[section]<partial>} or {@code BODY.PEEK[...]}. */
  record Body(BodySection section) implements FetchItem {
    @Override
    public String wire() {
      return section.requestWire();
    }
  }
}
