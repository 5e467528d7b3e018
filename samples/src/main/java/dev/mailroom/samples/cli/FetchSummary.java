package dev.mailroom.samples.cli;

import java.util.Optional;

/**
 * What one {@code mailroom fetch} run did.
 *
 * @param stored messages written to the store in this run
 * @param alreadySeen messages the state already had (not downloaded again)
 * @param deleted messages deleted from the server (POP3: committed by QUIT; IMAP: expunged)
 * @param moved messages moved to the {@code --move-to} folder (IMAP)
 * @param errors messages that could not be stored, plus one if the run stopped early
 * @param problem why the run stopped early, if it did
 */
record FetchSummary(int stored, int alreadySeen, int deleted, int moved, int errors, Optional<String> problem) {

  /** {@code stored 3, already seen 10, deleted 3, errors 0} ({@code moved N} too with {@code --move-to}). */
  String line(boolean moving) {
    return "stored " + stored + ", already seen " + alreadySeen + ", deleted " + deleted
        + (moving ? ", moved " + moved : "") + ", errors " + errors;
  }
}
