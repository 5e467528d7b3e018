package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md M14, as properties over random messages: parse(build(x)) gives back x (subject, addresses, bodies,
 * attachments, inline parts, forwarded messages), and writing a parsed message that was not changed gives back the
 * parsed bytes exactly.
 */
class BuildParseRoundTripTest {
  private static final String[] WORDS = {"meeting", "Grüße", "=?utf-8?Q?not_a_word?=", "Zürich", "日本語", "naïve",
      "\"quoted\"", "a,b", "(comment)", "x".repeat(90), "réunion", "Ωμέγα", "€", "tab\there", "semi;colon", "=_mr_x"};
  private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

  private record Model(String subject, String fromName, String toName, String text, String html,
      List<byte[]> attachments, List<String> names, boolean inline, boolean forward, boolean allow8bit,
      boolean utf8) { }

  private static String words(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String body(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    int lines = r.nextInt(0, 30);
    for (int i = 0; i < lines; i++) {
      b.append(r.nextInt(10) == 0 ? ".leading dot" : words(r, r.nextInt(0, 12)));
      if (r.nextInt(20) == 0) {
        b.append("y".repeat(1200)); // a line too long for 7bit
      }
      b.append(LINE_ENDS[r.nextInt(LINE_ENDS.length)]);
    }
    if (r.nextBoolean()) {
      b.append("no final line break");
    }
    return b.toString();
  }

  private static Model randomModel(SplittableRandom r) {
    List<byte[]> attachments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int n = r.nextInt(0, 3);
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[r.nextInt(0, 5000)];
      r.nextBytes(data);
      attachments.add(data);
      names.add(r.nextBoolean() ? "report " + i + ".pdf" : "Übersicht «" + i + "» データ.bin");
    }
    return new Model(words(r, r.nextInt(0, 8)), r.nextBoolean() ? "Zoë \"Z\" Löwe" : "Alice Martin",
        r.nextBoolean() ? "Bob, Jr." : "", body(r), r.nextBoolean() ? "<p>" + words(r, 5) + "</p>" : null,
        attachments, names, r.nextInt(4) == 0, r.nextInt(5) == 0, r.nextBoolean(), r.nextInt(4) == 0);
  }

  private static MimeMessage build(Model m) {
    MessageBuilder b = MimeMessage.builder()
        .from(MailboxAddress.of(m.fromName(), "alice@example.org"))
        .to(MailboxAddress.of(m.toName(), "bob@example.org"))
        .subject(m.subject())
        .date(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))
        .text(m.text())
        .allow8bit(m.allow8bit())
        .utf8Headers(m.utf8());
    if (m.html() != null) {
      b = b.html(m.html());
    }
    if (m.inline()) {
      b = b.inline(Attachment.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png").inline("logo@example.org"));
    }
    for (int i = 0; i < m.attachments().size(); i++) {
      b = b.attach(Attachment.of(m.attachments().get(i), "application/octet-stream").withFileName(m.names().get(i)));
    }
    if (m.forward()) {
      b = b.attach(MimeMessage.builder().from("carol@example.org").subject(("inner " + m.subject()).strip())
          .text(m.text()).build());
    }
    return b.build();
  }

  private static String crlf(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
  }

  private static byte[] decoded(MimePart part) throws IOException {
    try (InputStream in = part.openDecoded()) {
      return in.readAllBytes();
    }
  }

  @Test
  void parseOfBuildGivesBackTheModel() throws IOException {
    SplittableRandom random = new SplittableRandom(20261123);
    for (int round = 0; round < 300; round++) {
      Model model = randomModel(random);
      MimeMessage built = build(model);
      byte[] bytes = built.toByteArray();
      String context = "round " + round + ": " + model;
      assertEquals(bytes.length, built.byteSize().orElseThrow(), context);

      MimeMessage parsed = MimeMessage.parse(bytes);
      assertEquals(model.subject(), parsed.subject().orElseThrow(), context);
      MailboxAddress from = parsed.from().mailboxes().get(0);
      assertEquals("alice@example.org", from.address(), context);
      assertEquals(model.fromName(), from.displayName(), context);
      assertEquals(model.toName(), parsed.to().mailboxes().get(0).displayName(), context);
      assertEquals(crlf(model.text()), parsed.textBody().orElseThrow().decodedText(), context);
      if (model.html() != null) {
        assertEquals(model.html(), parsed.htmlBody().orElseThrow().decodedText(), context);
      }
      List<MimePart> attachments = parsed.attachments();
      assertEquals(model.attachments().size(), attachments.size(), context);
      for (int i = 0; i < attachments.size(); i++) {
        assertEquals(model.names().get(i), attachments.get(i).filename().orElseThrow(), context);
        assertArrayEquals(model.attachments().get(i), decoded(attachments.get(i)), context);
      }
      if (model.inline()) {
        assertEquals(1, parsed.leaves().stream()
            .filter(p -> p.headers().value("Content-ID").orElse("").equals("<logo@example.org>")).count(), context);
      }
      if (model.forward()) {
        MimeMessage inner = parsed.attachedMessages().get(0);
        assertEquals(("inner " + model.subject()).strip(), inner.subject().orElseThrow(), context);
        assertEquals(crlf(model.text()), inner.textBody().orElseThrow().decodedText(), context);
      }
      // writing the parsed message unchanged gives the same bytes (M14)
      assertArrayEquals(bytes, parsed.toByteArray(), context);
      assertEquals(bytes.length, parsed.byteSize().orElseThrow(), context);
    }
  }

  @Test
  void brokenInputIsWrittenBackByteForByte() throws IOException {
    String[] inputs = {
        "Subject: no body",
        "Subject: bare lf\nContent-Type: multipart/mixed; boundary=b\n\n--b\nA: 1\n\nx\n--b--\n",
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\npreamble\r\n--b  \r\n\r\none\r\n--bb\r\n--b\r\n"
            + "Content-Type: text/plain\r\n\r\ntwo",
        "Content-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nbody\r\n",
        "X: \u00ff\u0000raw\r\nno colon line\r\n\r\nbody\r\n.\r\n",
        "Content-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\n\r\na\r\n--x--\r\nepilogue\r\n--x\r\n",
    };
    for (String input : inputs) {
      byte[] bytes = input.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      assertArrayEquals(bytes, MimeMessage.parse(bytes).toByteArray(), input);
    }
  }
}
