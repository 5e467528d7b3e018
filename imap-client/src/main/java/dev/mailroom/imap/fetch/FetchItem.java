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

  /** The item as sent in the FETCH list. */
  String wire();

  /** A fixed item such as {@code FLAGS} or {@code UID}. */
  record Simple(String wire) implements FetchItem {
  }

  /** {@code BODY[section]<partial>} or {@code BODY.PEEK[...]}. */
  record Body(BodySection section) implements FetchItem {
    @Override
    public String wire() {
      return section.requestWire();
    }
  }
}
