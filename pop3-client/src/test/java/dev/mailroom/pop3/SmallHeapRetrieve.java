package dev.mailroom.pop3;

import dev.mailroom.client.Credentials;
import dev.mailroom.client.Endpoint;
import dev.mailroom.mime.MimeMessage;
import dev.mailroom.mime.MimePart;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a forked JVM with a small heap by {@link LargeMessageStreamingTest}: retrieves message 1 from a POP3 server
 * twice, once hashed as it streams and once parsed into a {@link MimeMessage}, and prints
 * {@code sha256 <hex> leaves <n> decoded <bytes> maxheap <bytes>}.
 */
public final class SmallHeapRetrieve {
  private SmallHeapRetrieve() { }

  public static void main(String[] args) throws Exception {
    Pop3Client client = Pop3Client.builder().endpoint(Endpoint.plain(args[0], Integer.parseInt(args[1])))
        .credentials(Credentials.password("bob", "bob-pw")).authMethod(Pop3AuthMethod.USER_PASS).build();
    try (Pop3Session session = client.connect()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream body = new DigestInputStream(session.retrieve(1), sha)) {
        body.transferTo(OutputStream.nullOutputStream());
      }
      MimeMessage message = session.retrieveMessage(1);
      long decoded = 0;
      for (MimePart leaf : message.leaves()) {
        try (InputStream in = leaf.openDecoded()) {
          decoded += in.transferTo(OutputStream.nullOutputStream());
        }
      }
      System.out.println("sha256 " + HexFormat.of().formatHex(sha.digest()) + " leaves " + message.leaves().size()
          + " decoded " + decoded + " maxheap " + Runtime.getRuntime().maxMemory());
      session.quit();
    }
  }
}
