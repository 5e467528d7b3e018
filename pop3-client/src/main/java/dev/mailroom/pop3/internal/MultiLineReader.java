package dev.mailroom.pop3.internal;

import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.client.internal.transport.ProtocolInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the lines of a multi-line listing (RFC 1939 §3: CAPA, LIST, UIDL, LANG) up to the line that is a single
 * dot, un-stuffing lines that start with a dot. Every line is bounded, and so are their number and total size
 * (SECURITY.md P10: a CAPA that never ends is a protocol error at the bound). Bodies of RETR and TOP are not read here:
 * they stream through {@link BodyStream}.
 */
public final class MultiLineReader {
  private MultiLineReader() { }

  /**
   * Reads the listing's lines.
   *
   * @param maxLineBytes the longest line
   * @param maxTotalBytes the most bytes in all lines, CRLFs included
   * @param maxLines the most lines
   */
  public static List<byte[]> readLines(ProtocolInput input, int maxLineBytes, long maxTotalBytes, int maxLines)
      throws MailException {
    List<byte[]> lines = new ArrayList<>();
    long total = 0;
    while (true) {
      byte[] line = input.readLine(maxLineBytes);
      if (line.length == 1 && line[0] == '.') {
        return lines;
      }
      total += line.length + 2L;
      if (total > maxTotalBytes) {
        throw new MailProtocolException("a multi-line listing is longer than " + maxTotalBytes
            + " bytes (SECURITY.md P10)");
      }
      if (lines.size() == maxLines) {
        throw new MailProtocolException("a multi-line listing has more than " + maxLines + " lines (SECURITY.md P10)");
      }
      lines.add(line.length > 0 && line[0] == '.' ? Arrays.copyOfRange(line, 1, line.length) : line);
    }
  }
}
