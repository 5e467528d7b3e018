package dev.mailroom.imap.fetch;

import dev.mailroom.imap.Uid;
import java.util.Optional;

/**
 * Identifies a body section being streamed to a {@link FetchHandler}.
 *
 * @param seq the message sequence number
 * @param uid the UID if the response named it before this section (UID FETCH responses from Dovecot do)
 * @param section the section as the response named it (fields are not echoed)
 * @param size the literal's size in bytes
 * @param binary whether this is a {@code BINARY[part]} response (RFC 3516): content-transfer-decoded by the server
 */
public record BodyPart(long seq, Optional<Uid> uid, BodySection section, long size, boolean binary) {
  /** A {@code BODY[...]} section. */
  public BodyPart(long seq, Optional<Uid> uid, BodySection section, long size) {
    this(seq, uid, section, size, false);
  }

  /** The key under which a buffered FETCH keeps this content ({@link FetchedMessage#body}, {@code binary}). */
  public String responseKey() {
    return binary ? binaryKey(section.part(), section.offset()) : section.responseKey();
  }

  /** The buffered-body key of {@code BINARY[part]<offset>} ({@code offset} -1 for none). */
  static String binaryKey(String part, long offset) {
    return "BINARY|" + part + "|" + (offset < 0 ? "" : Long.toString(offset));
  }
}
