package dev.mailroom.imap.fetch;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The FETCH data of extensions, when asked for: {@code BINARY.SIZE} (RFC 3516 §4.2), {@code PREVIEW} (RFC 8970),
 * {@code SAVEDATE} (RFC 8514), {@code EMAILID} and {@code THREADID} (RFC 8474 OBJECTID).
 *
 * <pre>{@code
 * FetchedMessage m = session.fetch(uids, FetchSpec.builder().item(FetchItem.PREVIEW).build()).await().get(0);
 * m.extensions().preview().ifPresent(System.out::println);
 * }</pre>
 *
 * @param binarySizes decoded sizes by part path ({@code ""} for the whole message)
 * @param preview the server's short plain-text preview (NIL or absent: empty)
 * @param saveDate when the message was saved into this mailbox (NIL: the server does not know)
 * @param emailId the server's stable message id
 * @param threadId the server's thread id (NIL: empty)
 */
public record FetchExtensions(Map<String, Long> binarySizes, Optional<String> preview,
    Optional<OffsetDateTime> saveDate, Optional<String> emailId, Optional<String> threadId) {
  /** Nothing from any extension. */
  public static final FetchExtensions NONE = new FetchExtensions(Map.of(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());

  public FetchExtensions {
    binarySizes = Map.copyOf(binarySizes);
    Objects.requireNonNull(preview, "preview");
    Objects.requireNonNull(saveDate, "saveDate");
    Objects.requireNonNull(emailId, "emailId");
    Objects.requireNonNull(threadId, "threadId");
  }
}
