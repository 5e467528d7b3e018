package dev.mailroom.pop3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What QUIT did (RFC 1939 §6). Deletions are {@link #committed()} only when the server answered {@code +OK} to QUIT:
 * a {@code -ERR} (for instance "some deleted messages not removed"), a lost connection or a timeout means the server
 * may have removed none, some or all of {@link #markedForDeletion()}; treat them as still there and delete again
 * next time (SECURITY.md P06).
 *
 * <pre>{@code
 * session.delete(1);
 * UpdateResult result = session.quit();
 * if (!result.committed()) log.warn("not committed: " + result.problem().orElse(""));
 * }</pre>
 *
 * @param committed whether the server confirmed the UPDATE state with {@code +OK}
 * @param markedForDeletion the message numbers this session marked with DELE (after the last RSET), ascending
 * @param reply the reply to QUIT, or null when none arrived
 * @param problemText why it is not committed, or empty when committed
 */
public record UpdateResult(boolean committed, List<Integer> markedForDeletion, Pop3Reply reply, String problemText) {
  public UpdateResult {
    markedForDeletion = List.copyOf(markedForDeletion);
    Objects.requireNonNull(problemText, "problemText");
  }

  /** The messages the server confirmed removed: all marked ones when committed, none otherwise. */
  public List<Integer> deleted() {
    return committed ? markedForDeletion : List.of();
  }

  /** The reply to QUIT, if one arrived. */
  public Optional<Pop3Reply> quitReply() {
    return Optional.ofNullable(reply);
  }

  /** Why the update is not committed, if it is not. */
  public Optional<String> problem() {
    return committed ? Optional.empty() : Optional.of(problemText);
  }
}
