package dev.mailroom.smtp;

/**
 * An enhanced mail system status code (RFC 3463, sent under ENHANCEDSTATUSCODES, RFC 2034): {@code class.subject.detail}
 * such as {@code 5.1.1} (bad destination mailbox).
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject 0 to 999
 * @param detail 0 to 999
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {
  public EnhancedStatus {
    if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
      throw new IllegalArgumentException("class must be 2, 4 or 5: " + statusClass);
    }
    if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
      throw new IllegalArgumentException("subject and detail must be 0 to 999");
    }
  }

  /**
   * Parses the status code at the start of {@code text} (RFC 2034 §4: the code, then a space), or returns null if
   * the text does not start with one.
   */
  public static EnhancedStatus parseLeading(String text) {
    int[] parts = new int[3];
    int pos = 0;
    for (int i = 0; i < 3; i++) {
      int start = pos;
      int value = 0;
      while (pos < text.length() && pos - start < 3 && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        value = value * 10 + (text.charAt(pos) - '0');
        pos++;
      }
      if (pos == start || (i == 0 && pos - start != 1)) {
        return null;
      }
      parts[i] = value;
      char expected = i < 2 ? '.' : ' ';
      if (i < 2 ? pos >= text.length() || text.charAt(pos) != expected
          : pos < text.length() && text.charAt(pos) != expected) {
        return null;
      }
      pos++;
    }
    if (parts[0] != 2 && parts[0] != 4 && parts[0] != 5) {
      return null;
    }
    return new EnhancedStatus(parts[0], parts[1], parts[2]);
  }

  @Override
  public String toString() {
    return statusClass + "." + subject + "." + detail;
  }
}
