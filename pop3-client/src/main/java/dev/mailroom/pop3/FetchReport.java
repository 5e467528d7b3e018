package dev.mailroom.pop3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link FetchJob#run()} did. Messages in {@link #stored()} were confirmed by the sink. Messages in
 * {@link #deleteRequested()} were marked with DELE; they are gone from the server only if {@link #committed()}.
 * When {@link #error()} is present the run stopped early (the connection was lost or the server broke the
 * protocol): nothing was deleted, and running the job again is safe.
 *
 * <pre>{@code
 * FetchReport report = job.run();
 * System.out.println(report.stored().size() + " new, committed=" + report.committed());
 * report.error().ifPresent(e -> log.warn("run again later", e));
 * }</pre>
 */
public final class FetchReport {
  /**
   * A message the sink did not confirm.
   *
   * @param message the message
   * @param cause what the sink threw, or why its confirmation was not believed
   */
  public record NotStored(MessageRef message, Exception cause) { }

  private final int listed;
  private final int alreadySeen;
  private final List<MessageRef> stored;
  private final List<NotStored> notStored;
  private final List<MessageRef> deleteRequested;
  private final UpdateResult update;
  private final Exception error;

  FetchReport(int listed, int alreadySeen, List<MessageRef> stored, List<NotStored> notStored,
      List<MessageRef> deleteRequested, UpdateResult update, Exception error) {
    this.listed = listed;
    this.alreadySeen = alreadySeen;
    this.stored = List.copyOf(stored);
    this.notStored = List.copyOf(notStored);
    this.deleteRequested = List.copyOf(deleteRequested);
    this.update = update;
    this.error = error;
    Objects.requireNonNull(this.stored);
  }

  /** How many messages UIDL listed. */
  public int listed() {
    return listed;
  }

  /** How many listed messages the seen-UID store already had (not downloaded again). */
  public int alreadySeen() {
    return alreadySeen;
  }

  /** The messages the sink confirmed in this run, in order. */
  public List<MessageRef> stored() {
    return stored;
  }

  /** The messages downloaded but not confirmed; they stay on the server. */
  public List<NotStored> notStored() {
    return notStored;
  }

  /** The messages marked with DELE (confirmed now or in an earlier run). */
  public List<MessageRef> deleteRequested() {
    return deleteRequested;
  }

  /** The outcome of QUIT, if the run got that far. */
  public Optional<UpdateResult> update() {
    return Optional.ofNullable(update);
  }

  /** Whether QUIT was answered {@code +OK}: the marked messages are removed (SECURITY.md P06). */
  public boolean committed() {
    return update != null && update.committed();
  }

  /** Why the run stopped early, if it did. */
  public Optional<Exception> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return "FetchReport[listed=" + listed + ", alreadySeen=" + alreadySeen + ", stored=" + stored.size()
        + ", notStored=" + notStored.size() + ", deleteRequested=" + deleteRequested.size() + ", committed="
        + committed() + (error == null ? "" : ", error=" + error) + "]";
  }
}
