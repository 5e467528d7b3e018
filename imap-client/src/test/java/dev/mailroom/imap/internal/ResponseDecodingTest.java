package dev.mailroom.imap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.client.Limits;
import dev.mailroom.client.MailException;
import dev.mailroom.client.MailProtocolException;
import dev.mailroom.imap.Flag;
import dev.mailroom.imap.MailboxName;
import dev.mailroom.imap.ResponseStatus;
import dev.mailroom.imap.fetch.BodySection;
import dev.mailroom.imap.fetch.BodyStructure;
import dev.mailroom.imap.fetch.FetchedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The response decoder over a realistic transcript, whole, split at every byte, and one byte per read. */
class ResponseDecodingTest {
  static final String BODY = "Subject: hi\r\n\r\nline {5}\r\n* 1 EXISTS\r\n";
  static final byte[] WIRE = ("* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE] ready\r\n"
      + "* FLAGS (\\Answered \\Seen $Forwarded)\r\n"
      + "* OK [PERMANENTFLAGS (\\Seen \\*)] ok\r\n"
      + "* 172 EXISTS\r\n"
      + "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\"\r\n"
      + "* LIST () \"/\" R&AOk-unions\r\n"
      + "* LIST () \"/\" {6}\r\nA\r\nB\"C\r\n"
      + "* STATUS INBOX (MESSAGES 2000 UIDNEXT 2001)\r\n"
      + "* SEARCH 2 84 882\r\n"
      + "* 12 FETCH (UID 4827 FLAGS (\\Seen) RFC822.SIZE 44 BODY[] {" + BODY.length() + "}\r\n" + BODY
      + " INTERNALDATE \" 1-Jul-2024 10:00:00 +0200\")\r\n"
      + "* 3 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 10 1 NIL NIL NIL)"
      + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"a.pdf\") NIL NIL \"BASE64\" 100 NIL (\"attachment\" (\"FILENAME\" "
      + "\"a.pdf\")) NIL) \"MIXED\" (\"BOUNDARY\" \"b\") NIL NIL))\r\n"
      + "* 4 FETCH (BODY[HEADER.FIELDS (SUBJECT)]<0> {0}\r\n)\r\n"
      + "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n"
      + "+ go ahead\r\n"
      + "A7 OK [COPYUID 38505 304,319:320 3956:3958] done\r\n").getBytes(StandardCharsets.UTF_8);

  @Test
  void decodesTheTranscript() throws MailException {
    check(ResponseDecoding.decodeAll(WIRE, Limits.defaults()));
  }

  @Test
  void decodesOneBytePerRead() throws MailException {
    check(ResponseDecoding.decodeAll(Split.bytewise(WIRE), Limits.defaults()));
  }

  @Test
  @DisplayName("R10: split at every byte offset gives the same responses")
  void decodesSplitAtEveryByte() throws MailException {
    for (int k = 0; k <= WIRE.length; k++) {
      check(ResponseDecoding.decodeAll(Split.at(WIRE, k), Limits.defaults()));
    }
  }

  private static void check(List<Response> r) {
    assertEquals(15, r.size());
    Response.Status greeting = assertInstanceOf(Response.Status.class, r.get(0));
    assertEquals("CAPABILITY", greeting.code().name());
    assertEquals(Set.of(Flag.ANSWERED, Flag.SEEN, Flag.keyword("$Forwarded")),
        assertInstanceOf(Response.Flags.class, r.get(1)).flags());
    assertEquals(172, assertInstanceOf(Response.Exists.class, r.get(3)).count());
    Response.ListData sent = assertInstanceOf(Response.ListData.class, r.get(4));
    assertTrue(sent.entry().hasAttribute("\\sent"));
    assertEquals(MailboxName.of("Réunions"), assertInstanceOf(Response.ListData.class, r.get(5)).entry().name());
    assertEquals("A\r\nB\"C", assertInstanceOf(Response.ListData.class, r.get(6)).entry().name().name());
    assertEquals(2000, assertInstanceOf(Response.StatusData.class, r.get(7)).status().messages().getAsLong());
    assertEquals(List.of(2L, 84L, 882L), assertInstanceOf(Response.Search.class, r.get(8)).numbers());
    FetchedMessage m = assertInstanceOf(Response.Fetch.class, r.get(9)).message();
    assertEquals(12, m.seq());
    assertEquals(4827, m.uid().orElseThrow().value());
    assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), m.body(BodySection.whole()).orElseThrow());
    assertEquals(2024, m.internalDate().orElseThrow().getYear());
    BodyStructure.Multipart mp = assertInstanceOf(BodyStructure.Multipart.class,
        assertInstanceOf(Response.Fetch.class, r.get(10)).message().bodyStructure());
    assertEquals(2, mp.parts().size());
    assertEquals("attachment", ((BodyStructure.SinglePart) mp.parts().get(1)).disposition().type());
    FetchedMessage empty = assertInstanceOf(Response.Fetch.class, r.get(11)).message();
    assertEquals(0, empty.body(BodySection.headerFields("SUBJECT").partial(0, 10)).orElseThrow().length);
    assertInstanceOf(Response.NamespaceData.class, r.get(12));
    assertInstanceOf(Response.Continuation.class, r.get(13));
    Response.Tagged t = assertInstanceOf(Response.Tagged.class, r.get(14));
    assertEquals(ResponseStatus.OK, t.status());
    assertEquals("38505 304,319:320 3956:3958", t.code().data());
  }

  static void rejects(String wire) {
    assertThrows(MailProtocolException.class,
        () -> ResponseDecoding.decodeAll(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)),
            Limits.defaults()), wire);
  }
}
