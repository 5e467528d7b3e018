package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailroom parse}: the tree, the JSON shape, terminal safety, standard input and input errors. */
class ParseCommandTest {
  private static final String ATTACHMENT_BASE64 = "AAECAwQFBgcICQ==";   // bytes 0..9
  static final String MIXED = String.join("\r\n",
      "From: Alice <alice@example.test>",
      "To: bob@example.test",
      "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?= from Alice",
      "MIME-Version: 1.0",
      "Content-Type: multipart/mixed; boundary=\"b1\"",
      "",
      "preamble",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Hello =C3=BC=",
      "ber",
      "--b1",
      "Content-Type: application/octet-stream",
      "Content-Disposition: attachment; filename*=utf-8''%C3%9Cbersicht.bin",
      "Content-Transfer-Encoding: base64",
      "",
      ATTACHMENT_BASE64,
      "--b1",
      "Content-Type: message/rfc822",
      "",
      "Subject: inner",
      "",
      "inner body",
      "--b1--",
      "");

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static Path write(Path dir, String message) throws Exception {
    Path file = dir.resolve("m.eml");
    Files.writeString(file, message, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void jsonHasTheDocumentedShapeWithDecodedSizesAndHashes(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("parse", "--json", write(dir, MIXED).toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    byte[] text = "Hello über".getBytes(StandardCharsets.UTF_8);
    byte[] attachment = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    byte[] inner = "inner body".getBytes(StandardCharsets.US_ASCII);
    String expected = "{\"subject\":\"Grüße from Alice\","
        + "\"body\":{\"contentType\":\"multipart/mixed\",\"filename\":null,\"parts\":["
        + "{\"contentType\":\"text/plain\",\"filename\":null,\"size\":" + text.length + ",\"sha256\":\"" + sha256(text)
        + "\"},"
        + "{\"contentType\":\"application/octet-stream\",\"filename\":\"Übersicht.bin\",\"size\":10,\"sha256\":\""
        + sha256(attachment) + "\"},"
        + "{\"contentType\":\"message/rfc822\",\"filename\":null,\"message\":{\"subject\":\"inner\",\"body\":"
        + "{\"contentType\":\"text/plain\",\"filename\":null,\"size\":10,\"sha256\":\"" + sha256(inner) + "\"}}}"
        + "]}}\n";
    assertEquals(expected, r.out().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void treeShowsHeaderFieldsPartsSizesAndAttachments(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("parse", write(dir, MIXED).toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    String out = r.out().replace(System.lineSeparator(), "\n");
    assertTrue(out.contains("Subject: Grüße from Alice\n"), out);
    assertTrue(out.contains("\nmultipart/mixed\n"
        + "  text/plain 11 bytes\n"
        + "  application/octet-stream \"Übersicht.bin\" 10 bytes attachment\n"
        + "  message/rfc822\n"
        + "    Subject: inner\n"
        + "    text/plain 10 bytes\n"), out);
  }

  @Test
  void whatTheParserToleratedIsShownUnderItsEntity(@TempDir Path dir) throws Exception {
    String unclosed = "Content-Type: multipart/mixed; boundary=u\r\n\r\n--u\r\nContent-Type: text/plain\r\n\r\n"
        + "no close delimiter\r\n";
    Cli.Result r = Cli.run("parse", write(dir, unclosed).toString());
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    String out = r.out().replace(System.lineSeparator(), "\n");
    assertTrue(out.contains("\nmultipart/mixed\n  ! MISSING_CLOSE_DELIMITER: "), out);
    assertTrue(out.contains("\n  text/plain "), out);
    assertFalse(Cli.run("parse", "--json", write(dir, unclosed).toString()).out().contains("MISSING"),
        "defects are not part of the JSON shape");
  }

  @Test
  void aSubjectOrFileNameCannotSendEscapeSequencesToTheTerminal(@TempDir Path dir) throws Exception {
    String message = "Subject: =?utf-8?q?red=1B[31m_alert=0D=0Aforged?=\r\n"
        + "Content-Type: text/plain; name=\"=?utf-8?q?a=1B]0;x=07.txt?=\"\r\n\r\nbody\r\n";
    Path file = write(dir, message);
    Cli.Result tree = Cli.run("parse", file.toString());
    assertEquals(ExitCodes.OK, tree.code(), tree.toString());
    assertFalse(tree.out().contains("\u001b"), tree.out());
    assertTrue(tree.out().contains("Subject: red\\u001b[31m alert\\u000d\\u000aforged"), tree.out());
    Cli.Result json = Cli.run("parse", "--json", file.toString());
    assertFalse(json.out().contains("\u001b"), json.out());
    assertTrue(json.out().contains("\"subject\":\"red\\u001b[31m alert\\r\\nforged\""), json.out());
  }

  @Test
  void aDashReadsStandardInput() {
    Cli.Result r = Cli.run(new ByteArrayInputStream(MIXED.getBytes(StandardCharsets.UTF_8)), "parse", "--json", "-");
    assertEquals(ExitCodes.OK, r.code(), r.toString());
    assertTrue(r.out().startsWith("{\"subject\":\"Grüße from Alice\""), r.out());
  }

  @Test
  void aMissingFileIsAUsageErrorWithAClearMessage(@TempDir Path dir) {
    Cli.Result r = Cli.run("parse", dir.resolve("nope.eml").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("nope.eml"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownOptionsAndAMissingFileArgumentAreUsageErrors() {
    assertEquals(ExitCodes.USAGE, Cli.run("parse", "--no-such-option", "x.eml").code());
    assertEquals(ExitCodes.USAGE, Cli.run("parse").code());
    assertEquals(ExitCodes.USAGE, Cli.run("no-such-command").code());
    assertEquals(ExitCodes.USAGE, Cli.run().code());
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Result r = Cli.run("--help");
    assertEquals(ExitCodes.OK, r.code());
    for (int code = 0; code <= 6; code++) {
      assertTrue(r.out().contains("  " + code + "   "), "exit code " + code + " in\n" + r.out());
    }
    assertTrue(r.out().contains("parse") && r.out().contains("send"), r.out());
  }
}
