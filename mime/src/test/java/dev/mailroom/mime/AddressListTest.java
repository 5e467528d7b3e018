package dev.mailroom.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.mime.MimeDefect.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressListTest {
  private final List<MimeDefect> defects = new ArrayList<>();

  private AddressList parse(String s) {
    return AddressList.parse(s, defects::add);
  }

  private List<String> addresses(String s) {
    return parse(s).mailboxes().stream().map(MailboxAddress::address).toList();
  }

  private List<Kind> kinds() {
    return defects.stream().map(MimeDefect::kind).toList();
  }

  private static MailboxAddress box(String name, String local, String domain) {
    return new MailboxAddress(name, local, domain);
  }

  @Test
  void simpleForms() {
    assertEquals(List.of(box("", "alice", "example.org"), box("Bob Smith", "bob", "example.org"),
        box("Smith, Carol", "carol", "example.org")),
        parse("alice@example.org, Bob Smith <bob@example.org>,\r\n \"Smith, Carol\" <carol@example.org>").mailboxes());
    assertEquals(List.of(), defects);
  }

  /** RFC 5322 Appendix A.1.2 and A.1.3. */
  @Test
  void rfc5322AppendixExamples() {
    AddressList to = parse("\"Mary Smith: Personal Account\" <smith@home.example>");
    assertEquals("Mary Smith: Personal Account", to.mailboxes().get(0).displayName());
    AddressList list = parse("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;");
    GroupAddress group = (GroupAddress) list.addresses().get(0);
    assertEquals("A Group", group.displayName());
    assertEquals(List.of("c@a.test", "joe@where.test", "jdoe@one.test"),
        group.members().stream().map(MailboxAddress::address).toList());
    AddressList undisclosed = parse("Undisclosed recipients:;");
    assertEquals(new GroupAddress("Undisclosed recipients", List.of()), undisclosed.addresses().get(0));
    assertTrue(undisclosed.mailboxes().isEmpty());
    assertEquals(List.of(), defects);
  }

  /** RFC 5322 Appendix A.5: white space, comments, and other oddities. */
  @Test
  void rfc5322AppendixA5Comments() {
    AddressList from = parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>");
    assertEquals(List.of(box("Pete", "pete", "silly.test")), from.mailboxes());
    AddressList to = parse("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n"
        + "         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)");
    assertEquals(List.of("c@public.example", "joe@example.org", "jdoe@one.test"),
        to.mailboxes().stream().map(MailboxAddress::address).toList());
    assertEquals("A Group", to.addresses().get(0).displayName());
    AddressList cc = parse("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;");
    assertEquals("Hidden recipients", cc.addresses().get(0).displayName());
    assertEquals(List.of(), defects);
  }

  /** RFC 5322 Appendix A.6.1 and §4.4: obsolete routes, dotted phrases, CFWS around dots. */
  @Test
  void obsoleteForms() {
    assertEquals(List.of(box("Joe Q. Public", "john.q.public", "example.com")),
        parse("Joe Q. Public <john.q.public@example.com>").mailboxes());
    assertEquals(List.of("x@y.example"), addresses("<@a.example,@b.example:x@y.example>"));
    assertEquals(List.of("x@y.example"), addresses("Name <,@a.example,,@b.example:x@y.example>"));
    assertEquals(List.of("john.doe@example.org"), addresses("john . doe @ example . org"));
    assertEquals(List.of("a@b.example", "c@d.example"), addresses(",a@b.example,, ,c@d.example,"));
    assertEquals(List.of(), defects);
  }

  @Test
  void quotedLocalPartsAndDomainLiterals() {
    MailboxAddress m = parse("\"john doe\"@example.org").mailboxes().get(0);
    assertEquals("john doe", m.localPart());
    assertEquals("\"john doe\"@example.org", m.address());
    MailboxAddress lit = parse("<postmaster@[192.0.2.1]>").mailboxes().get(0);
    assertEquals("[192.0.2.1]", lit.domain());
    assertEquals("\"a\\\"b\"@x.example", parse("\"a\\\"b\"@x.example").mailboxes().get(0).address());
    assertEquals(List.of(), defects);
  }

  @Test
  void encodedAndUtf8DisplayNames() {
    assertEquals("Andr\u00e9 Pirard",
        parse("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>").mailboxes().get(0).displayName());
    assertEquals("Keld J\u00f8rn Simonsen",
        parse("\"=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=\" <keld@dkuug.dk>").mailboxes().get(0).displayName());
    assertEquals("M\u00fcller, Hans",
        parse("=?utf-8?q?M=C3=BCller,_Hans?= <h@x.example>").mailboxes().get(0).displayName());
    MailboxAddress utf8 = parse("J\u00f6rg <j\u00f6rg@b\u00fccher.example>").mailboxes().get(0);
    assertEquals("J\u00f6rg", utf8.displayName());
    assertEquals("j\u00f6rg@b\u00fccher.example", utf8.address());
    assertFalse(utf8.isAscii());
    assertEquals(List.of(), defects);
  }

  @Test
  void commentAsDisplayName() {
    MailboxAddress m = parse("alice@example.org (Alice  Smith)").mailboxes().get(0);
    assertEquals("Alice Smith", m.displayName());
    assertEquals("alice@example.org", m.address());
  }

  /** SECURITY.md M02: a stray ')' never lets a different address through silently. */
  @Test
  void m02StrayParenthesisGivesDefectNotAWrongAddress() {
    AddressList list = parse("alice@example.org)<bob@example.org>");
    assertEquals(List.of(), list.mailboxes());
    assertEquals(List.of(Kind.INVALID_ADDRESS), kinds());
    assertTrue(defects.get(0).detail().contains("alice@example.org)<bob@example.org>"), defects.get(0).detail());
  }

  /** SECURITY.md M02: a@b@c is not an address. */
  @Test
  void m02TwoAtSigns() {
    assertEquals(List.of("ok@example.org"), addresses("a@b@c, ok@example.org"));
    assertEquals(List.of(Kind.INVALID_ADDRESS), kinds());
  }

  /** SECURITY.md M02: ambiguous shapes give a defect, never a guess. */
  @Test
  void m02AmbiguousShapes() {
    for (String s : new String[] {
        "alice@example.org <bob@example.org>", "<alice@example.org> bob@example.org", "\"unclosed <a@b.example>",
        "a@b.example (unclosed", "<a@b.example>>", "a@b.example;c@d.example", "x@[1.2.3.4", "@example.org",
        "alice@", "alice", "<>", "a@b..example", "a@.example", "a@example.", "\\a@b.example", "a\"b\"c@d.example",
        "g1: g2: a@b.example;;", "a@b]c", "Name <a@b.example> trailing", "<a@b.example, c@d.example>"}) {
      defects.clear();
      AddressList list = parse(s);
      assertEquals(List.of(), list.mailboxes(), s);
      assertTrue(kinds().contains(Kind.INVALID_ADDRESS), s);
    }
  }

  /** SECURITY.md M02 and M01: CR, LF and NUL can never be part of a local part or domain. */
  @Test
  void m02ControlCharactersInAddresses() {
    for (String s : new String[] {"\"a\rb\"@x.example", "\"a\\\nb\"@x.example", "a\0b@x.example",
        "<\"x\\\r\\\nRCPT TO:<evil@x>\"@example.org>", "a@ex\u0001ample.org"}) {
      defects.clear();
      assertEquals(List.of(), parse(s).mailboxes(), s);
      assertEquals(List.of(Kind.INVALID_ADDRESS), kinds(), s);
    }
  }

  @Test
  void lenientReadingsCarryADefect() {
    assertEquals(List.of(box("John Smith", "john", "example.org")), parse("John Smith john@example.org").mailboxes());
    assertEquals(List.of(Kind.INVALID_ADDRESS), kinds());
    defects.clear();
    assertEquals(List.of(box("Bob", "bob", "example.org")), parse("Bob <bob@example.org").mailboxes());
    assertEquals(List.of(Kind.INVALID_ADDRESS), kinds());
    defects.clear();
    assertEquals(List.of("john..doe@example.jp"), parse("john..doe@example.jp").mailboxes().stream()
        .map(MailboxAddress::localPart).map(l -> l + "@example.jp").toList());
    assertEquals(List.of(Kind.INVALID_ADDRESS), kinds());
  }

  @Test
  void badEntriesDoNotSpoilTheirNeighbours() {
    assertEquals(List.of("a@x.example", "d@x.example", "e@x.example"),
        addresses("a@x.example, b@@x, <c@x.example, foo> , d@x.example, g: e@x.example, f@; "));
    assertEquals(3, defects.size());
  }

  /** SECURITY.md M02: a 1 MB comment, a 1 MB phrase and 10^5 addresses parse in linear time. */
  @Test
  void m02LinearOnHugeInputs() {
    long start = System.nanoTime();
    String comment = "(" + "(nested ".repeat(50_000) + "x".repeat(1 << 20) + ")".repeat(50_001);
    assertEquals(List.of("a@example.org"), addresses("a@example.org " + comment));
    String phrase = "word ".repeat(200_000) + "<b@example.org>";
    assertEquals(1, parse(phrase).mailboxes().size());
    String quoted = "\"" + "q".repeat(1 << 20) + "\" <c@example.org>";
    assertEquals(1, parse(quoted).mailboxes().size());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      many.append("User ").append(i).append(" <u").append(i).append("@example.org>, ");
    }
    assertEquals(100_000, parse(many.toString()).mailboxes().size());
    String brackets = "<".repeat(200_000) + ">".repeat(200_000);
    parse(brackets);
    String words = "=?a?q?".repeat(100_000) + "@x";
    parse(words);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 10_000, millis + " ms");
  }

  @Test
  void formatsAndRoundTrips() {
    AddressList list = AddressList.of(
        MailboxAddress.of("Bob Smith", "bob@example.org"),
        MailboxAddress.of("Smith, Carol", "carol@example.org"),
        MailboxAddress.of("J\u00f6rg M\u00fcller", "joerg@example.org"),
        new GroupAddress("Friends", List.of(MailboxAddress.of("a@example.org"), MailboxAddress.of("b@example.org"))),
        new GroupAddress("undisclosed-recipients", List.of()),
        MailboxAddress.of("x@example.org"));
    String value = list.toHeaderValue();
    assertEquals("Bob Smith <bob@example.org>, \"Smith, Carol\" <carol@example.org>, "
        + "=?UTF-8?B?SsO2cmcgTcO8bGxlcg==?= <joerg@example.org>, Friends: a@example.org, b@example.org;, "
        + "undisclosed-recipients:;, x@example.org", value);
    assertEquals(list, AddressList.parse(value));
  }
}
