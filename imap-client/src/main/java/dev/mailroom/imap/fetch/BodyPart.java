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
 */
public record BodyPart(long seq, Optional<Uid> uid, BodySection section, long size) {
}
