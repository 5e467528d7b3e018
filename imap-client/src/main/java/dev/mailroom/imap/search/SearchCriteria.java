package dev.mailroom.imap.search;

import dev.mailroom.imap.Flag;
import dev.mailroom.imap.SeqSet;
import dev.mailroom.imap.UidSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A SEARCH key tree (RFC 3501 §6.4.4; RFC 9051 §6.4.4) built from factories, never from a string. Text values go as
 * quoted strings or literals (with {@code CHARSET UTF-8} when needed), so a CRLF in search text cannot inject a
 * command (SECURITY.md I04).
 *
 * <pre>{@code
 * SearchCriteria c = SearchCriteria.and(SearchCriteria.unseen(),
 *     SearchCriteria.or(SearchCriteria.from("alice"), SearchCriteria.subject("Réunion")),
 *     SearchCriteria.since(LocalDate.of(2024, 1, 1)));
 * }</pre>
 */
public sealed interface SearchCriteria {
  /** A key without arguments: ALL, SEEN, UNSEEN, ANSWERED, DELETED, DRAFT, FLAGGED, NEW, OLD, RECENT, UN... */
  record Key(String name) implements SearchCriteria {
  }

  /** BCC, BODY, CC, FROM, SUBJECT, TEXT, TO with a string. */
  record Text(String key, String value) implements SearchCriteria {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** HEADER field-name string. */
  record Header(String field, String value) implements SearchCriteria {
    public Header {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  /** KEYWORD or UNKEYWORD flag. */
  record Keyword(boolean present, Flag keyword) implements SearchCriteria {
  }

  /** BEFORE, ON, SINCE, SENTBEFORE, SENTON, SENTSINCE date. */
  record Date(String key, LocalDate date) implements SearchCriteria {
  }

  /** LARGER or SMALLER n. */
  record Size(boolean larger, long bytes) implements SearchCriteria {
  }

  /** {@code MODSEQ n} (RFC 7162 §3.1.5): messages whose mod-sequence is at least {@code modSeq}; needs CONDSTORE. */
  record ModSeq(long modSeq) implements SearchCriteria {
    public ModSeq {
      if (modSeq < 0) {
        throw new IllegalArgumentException("mod-sequence must be at least 0: " + modSeq);
      }
    }
  }

  /** {@code OLDER n} / {@code YOUNGER n} seconds (RFC 5032 WITHIN). */
  record Within(boolean older, long seconds) implements SearchCriteria {
    public Within {
      if (seconds < 1 || seconds > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("WITHIN needs 1 to 2^32-1 seconds: " + seconds);
      }
    }
  }

  /** {@code $}: the result saved by an earlier {@code SEARCH RETURN (SAVE)} (RFC 5182). */
  record SavedSearch() implements SearchCriteria {
  }

  /** A message sequence set. */
  record Sequence(SeqSet set) implements SearchCriteria {
  }

  /** UID set. */
  record Uids(UidSet set) implements SearchCriteria {
  }

  /** NOT key. */
  record Not(SearchCriteria criteria) implements SearchCriteria {
  }

  /** OR a b. */
  record Or(SearchCriteria left, SearchCriteria right) implements SearchCriteria {
  }

  /** All of the keys (a parenthesised list). */
  record And(List<SearchCriteria> all) implements SearchCriteria {
    public And {
      all = List.copyOf(all);
      if (all.isEmpty()) {
        throw new IllegalArgumentException("AND of nothing");
      }
    }
  }

  static SearchCriteria all() {
    return new Key("ALL");
  }

  static SearchCriteria seen() {
    return new Key("SEEN");
  }

  static SearchCriteria unseen() {
    return new Key("UNSEEN");
  }

  static SearchCriteria answered() {
    return new Key("ANSWERED");
  }

  static SearchCriteria unanswered() {
    return new Key("UNANSWERED");
  }

  static SearchCriteria deleted() {
    return new Key("DELETED");
  }

  static SearchCriteria undeleted() {
    return new Key("UNDELETED");
  }

  static SearchCriteria draft() {
    return new Key("DRAFT");
  }

  static SearchCriteria undraft() {
    return new Key("UNDRAFT");
  }

  static SearchCriteria flagged() {
    return new Key("FLAGGED");
  }

  static SearchCriteria unflagged() {
    return new Key("UNFLAGGED");
  }

  /** NEW (IMAP4rev1): recent and unseen. */
  static SearchCriteria recentUnseen() {
    return new Key("NEW");
  }

  static SearchCriteria old() {
    return new Key("OLD");
  }

  static SearchCriteria recent() {
    return new Key("RECENT");
  }

  static SearchCriteria keyword(Flag keyword) {
    return new Keyword(true, keyword);
  }

  static SearchCriteria unkeyword(Flag keyword) {
    return new Keyword(false, keyword);
  }

  static SearchCriteria bcc(String s) {
    return new Text("BCC", s);
  }

  static SearchCriteria cc(String s) {
    return new Text("CC", s);
  }

  static SearchCriteria from(String s) {
    return new Text("FROM", s);
  }

  static SearchCriteria to(String s) {
    return new Text("TO", s);
  }

  static SearchCriteria subject(String s) {
    return new Text("SUBJECT", s);
  }

  static SearchCriteria body(String s) {
    return new Text("BODY", s);
  }

  static SearchCriteria text(String s) {
    return new Text("TEXT", s);
  }

  static SearchCriteria header(String field, String value) {
    return new Header(field, value);
  }

  static SearchCriteria before(LocalDate d) {
    return new Date("BEFORE", d);
  }

  static SearchCriteria on(LocalDate d) {
    return new Date("ON", d);
  }

  static SearchCriteria since(LocalDate d) {
    return new Date("SINCE", d);
  }

  static SearchCriteria sentBefore(LocalDate d) {
    return new Date("SENTBEFORE", d);
  }

  static SearchCriteria sentOn(LocalDate d) {
    return new Date("SENTON", d);
  }

  static SearchCriteria sentSince(LocalDate d) {
    return new Date("SENTSINCE", d);
  }

  static SearchCriteria larger(long bytes) {
    return new Size(true, bytes);
  }

  static SearchCriteria smaller(long bytes) {
    return new Size(false, bytes);
  }

  /** Messages changed at or after mod-sequence {@code modSeq} ({@code MODSEQ n}, RFC 7162; needs CONDSTORE). */
  static SearchCriteria modSeqAtLeast(long modSeq) {
    return new ModSeq(modSeq);
  }

  /** Messages whose INTERNALDATE is more than {@code age} ago ({@code OLDER}, RFC 5032; needs WITHIN). */
  static SearchCriteria olderThan(java.time.Duration age) {
    return new Within(true, age.toSeconds());
  }

  /** Messages whose INTERNALDATE is within {@code age} ({@code YOUNGER}, RFC 5032; needs WITHIN). */
  static SearchCriteria youngerThan(java.time.Duration age) {
    return new Within(false, age.toSeconds());
  }

  /** The saved search result {@code $} (RFC 5182; needs SEARCHRES). */
  static SearchCriteria savedSearch() {
    return new SavedSearch();
  }

  static SearchCriteria uid(UidSet set) {
    return new Uids(set);
  }

  static SearchCriteria sequence(SeqSet set) {
    return new Sequence(set);
  }

  static SearchCriteria not(SearchCriteria c) {
    return new Not(c);
  }

  static SearchCriteria or(SearchCriteria a, SearchCriteria b) {
    return new Or(a, b);
  }

  static SearchCriteria and(SearchCriteria... all) {
    return new And(List.of(all));
  }
}
