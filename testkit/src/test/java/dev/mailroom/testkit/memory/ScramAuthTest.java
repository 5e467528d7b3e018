package dev.mailroom.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStop;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 (RFC 5802/7677) on SMTP AUTH and IMAP AUTHENTICATE, driven by a test-side JDK implementation. */
class ScramAuthTest {
  @StartStop final InMemoryMailServer server = InMemoryMailServer.builder().user("carol", "pässwörd").build();

  /** The client half, computed here independently of the server code. */
  private static final class Client {
    final String password;
    final String first = "n,,n=carol,r=clientnonce123";
    String authMessage;
    byte[] serverKey;

    Client(String password) {
      this.password = password;
    }

    String finalMessage(String serverFirst) throws Exception {
      Map<String, String> a = new HashMap<>();
      for (String part : serverFirst.split(",")) {
        a.put(part.substring(0, 1), part.substring(2));
      }
      assertTrue(a.get("r").startsWith("clientnonce123"));
      byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
          password.toCharArray(), Base64.getDecoder().decode(a.get("s")), Integer.parseInt(a.get("i")), 256))
          .getEncoded();
      String withoutProof = "c=biws,r=" + a.get("r");
      authMessage = first.substring(3) + "," + serverFirst + "," + withoutProof;
      byte[] clientKey = hmac(salted, "Client Key");
      byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
      byte[] proof = new byte[clientKey.length];
      for (int i = 0; i < proof.length; i++) {
        proof[i] = (byte) (clientKey[i] ^ signature[i]);
      }
      serverKey = hmac(salted, "Server Key");
      return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    String expectedServerFinal() throws Exception {
      return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }

  @Test
  void smtpAuthScramWithInitialResponse() throws Exception {
    Client c = new Client("pässwörd");
    try (Wire w = Wire.connect(server.submissionPort())) {
      w.line();
      w.smtp("EHLO c");
      String serverFirst = w.smtp("AUTH SCRAM-SHA-256 " + b64(c.first));
      assertTrue(serverFirst.startsWith("334 "), serverFirst);
      String serverFinal = w.smtp(b64(c.finalMessage(unb64(serverFirst.substring(4)))));
      assertEquals("334 " + b64(c.expectedServerFinal()), serverFinal);
      assertEquals("235 2.7.0 Authentication successful", w.smtp(""));
    }
  }

  @Test
  void smtpAuthScramWithAWrongPasswordFails() throws Exception {
    Client c = new Client("wrong");
    try (Wire w = Wire.connect(server.submissionPort())) {
      w.line();
      w.smtp("EHLO c");
      assertEquals("334 ", w.smtp("AUTH SCRAM-SHA-256"));
      String serverFirst = w.smtp(b64(c.first));
      assertEquals("535 5.7.8 Error: authentication failed",
          w.smtp(b64(c.finalMessage(unb64(serverFirst.substring(4))))));
    }
  }

  @Test
  void imapAuthenticateScram() throws Exception {
    Client c = new Client("pässwörd");
    try (Wire w = Wire.connect(server.imapPort())) {
      w.line();
      w.send("a AUTHENTICATE SCRAM-SHA-256 " + b64(c.first));
      String serverFirst = w.line();
      w.send(b64(c.finalMessage(unb64(serverFirst.substring(2)))));
      assertEquals("+ " + b64(c.expectedServerFinal()), w.line());
      w.send("");
      w.expect("a OK [CAPABILITY");
    }
  }

  @Test
  void pop3AuthScramWithAContinuationForTheFirstMessage() throws Exception {
    Client c = new Client("pässwörd");
    try (Wire w = Wire.connect(server.pop3Port())) {
      w.line();
      w.send("AUTH SCRAM-SHA-256");
      assertEquals("+ ", w.line());
      w.send(b64(c.first));
      String serverFirst = w.line();
      w.send(b64(c.finalMessage(unb64(serverFirst.substring(2)))));
      assertEquals("+ " + b64(c.expectedServerFinal()), w.line());
      w.send("");
      w.expect("+OK Logged in");
    }
  }
}
