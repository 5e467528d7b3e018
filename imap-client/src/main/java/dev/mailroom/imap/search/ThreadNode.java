package dev.mailroom.imap.search;

import java.util.List;

/**
 * A node of a THREAD result (RFC 5256 §4): a message and its replies. In {@code (3 6 (4 23)(44 7 96))} message 3 has
 * the child 6, which has two children, 4 (with child 23) and 44 (with 7, then 96). A thread whose root is missing
 * from the mailbox has {@code number == 0} and the roots as children.
 *
 * <pre>{@code
 * for (ThreadNode root : session.uidThread(ThreadAlgorithm.REFERENCES, SearchCriteria.all()).await()) {
 *   print(root, 0);
 * }
 * }</pre>
 *
 * @param number the message's sequence number or UID, 0 for a missing parent
 * @param children the replies, in the server's order
 */
public record ThreadNode(long number, List<ThreadNode> children) {
  public ThreadNode {
    children = List.copyOf(children);
  }

  /** How many messages this node and its descendants hold. */
  public long size() {
    long n = number == 0 ? 0 : 1;
    for (ThreadNode c : children) {
      n += c.size();
    }
    return n;
  }
}
