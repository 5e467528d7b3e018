package dev.mailroom.imap.fetch;

import dev.mailroom.imap.Flag;
import dev.mailroom.imap.Uid;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The data of one {@code FETCH} response (RFC 3501 §7.4.2). Items that were not in the response are empty. Bodies
 * are here only when the FETCH buffered them; a {@link FetchHandler} receives them as streams instead.
 *
 * <pre>{@code
 * for (FetchedMessage m : session.fetch(UidSet.of(1, 2), spec).await()) {
 *   byte[] raw = m.body(BodySection.whole()).orElseThrow();
 * }
 * }</pre>
 *
 * @param seq the message sequence number at the time of the response
 * @param uid the UID, if sent
 * @param flags the flags, if sent
 * @param internalDate the INTERNALDATE, if sent
 * @param size RFC822.SIZE, or -1
 * @param envelope the ENVELOPE, or null
 * @param bodyStructure the BODYSTRUCTURE, or null
 * @param bodies buffered sections by {@link BodySection#responseKey()}
 * @param modSeq the message's mod-sequence (RFC 7162 {@code MODSEQ}), if sent
 * @param extensions the data of other extensions (BINARY.SIZE, PREVIEW, SAVEDATE, OBJECTID)
 */
public record FetchedMessage(long seq, Optional<Uid> uid, Optional<Set<Flag>> flags,
    Optional<OffsetDateTime> internalDate, long size, Envelope envelope, BodyStructure bodyStructure,
    Map<String, byte[]> bodies, OptionalLong modSeq, FetchExtensions extensions) {
  public FetchedMessage {
    bodies = Map.copyOf(bodies);
    java.util.Objects.requireNonNull(modSeq, "modSeq");
    java.util.Objects.requireNonNull(extensions, "extensions");
  }

  /** Without extension data. */
  public FetchedMessage(long seq, Optional<Uid> uid, Optional<Set<Flag>> flags,
      Optional<OffsetDateTime> internalDate, long size, Envelope envelope, BodyStructure bodyStructure,
      Map<String, byte[]> bodies, OptionalLong modSeq) {
    this(seq, uid, flags, internalDate, size, envelope, bodyStructure, bodies, modSeq, FetchExtensions.NONE);
  }

  /** Without a mod-sequence. */
  public FetchedMessage(long seq, Optional<Uid> uid, Optional<Set<Flag>> flags,
      Optional<OffsetDateTime> internalDate, long size, Envelope envelope, BodyStructure bodyStructure,
      Map<String, byte[]> bodies) {
    this(seq, uid, flags, internalDate, size, envelope, bodyStructure, bodies, OptionalLong.empty(),
        FetchExtensions.NONE);
  }

  /** The buffered bytes of {@code BINARY[part]} (RFC 3516), if the response held them. */
  public Optional<byte[]> binary(String part) {
    byte[] b = bodies.get(BodyPart.binaryKey(part, -1));
    return Optional.ofNullable(b == null ? null : b.clone());
  }

  /** This response with other buffered bodies. */
  public FetchedMessage withBodies(Map<String, byte[]> newBodies) {
    return new FetchedMessage(seq, uid, flags, internalDate, size, envelope, bodyStructure, newBodies, modSeq,
        extensions);
  }

  /** The buffered bytes of {@code section} (matched by part, kind and origin), if the response held them. */
  public Optional<byte[]> body(BodySection section) {
    byte[] b = bodies.get(section.responseKey());
    return Optional.ofNullable(b == null ? null : b.clone());
  }
}
