package dev.mailroom.pop3;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caller's record of which messages (by UIDL unique-id) are already stored, so that {@link FetchJob} downloads
 * each message exactly once across runs, whatever failed in between. {@link #add} is called right after the
 * {@link MessageSink} confirmed a message and must be durable before it returns; the job deletes a message from the
 * server only when its UID is in the store (or was confirmed in the same run).
 *
 * <pre>{@code
 * SeenUidStore seen = SeenUidStore.inMemory();   // for tests; persist it in real use
 * }</pre>
 *
 * <p>UIDs are opaque server text (1 to 70 printable ASCII characters, possibly {@code ../x}): store them as data,
 * never as file names (SECURITY.md P07).
 */
public interface SeenUidStore {
  /** Whether the message with this UID is already stored. */
  boolean contains(String uid) throws IOException;

  /** Records that the message with this UID is stored; durable when it returns. */
  void add(String uid) throws IOException;

  /** A thread-safe store in memory (lost when the JVM exits): for tests and short-lived tools. */
  static SeenUidStore inMemory() {
    Set<String> uids = ConcurrentHashMap.newKeySet();
    return new SeenUidStore() {
      @Override
      public boolean contains(String uid) {
        return uids.contains(uid);
      }

      @Override
      public void add(String uid) {
        uids.add(uid);
      }

      @Override
      public String toString() {
        return "SeenUidStore.inMemory" + uids;
      }
    };
  }
}
