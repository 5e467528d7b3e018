package dev.mailroom.imap.internal;

import dev.mailroom.imap.internal.wire.ImapEncoder;
import dev.mailroom.imap.search.SearchCriteria;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link SearchCriteria} tree (RFC 3501 §6.4.4). Text goes through {@link ImapEncoder#string}, so CRLF or
 * 8-bit text becomes a literal (SECURITY.md I04); field names and keywords must be atoms.
 */
final class SearchEncoder {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

  private SearchEncoder() { }

  /** Whether a text value needs {@code CHARSET UTF-8} (non-ASCII) when UTF-8 is not enabled. */
  static boolean needsUtf8(SearchCriteria c) {
    if (c instanceof SearchCriteria.Text t) {
      return !isAscii(t.value());
    }
    if (c instanceof SearchCriteria.Header h) {
      return !isAscii(h.value());
    }
    if (c instanceof SearchCriteria.Not n) {
      return needsUtf8(n.criteria());
    }
    if (c instanceof SearchCriteria.Or o) {
      return needsUtf8(o.left()) || needsUtf8(o.right());
    }
    if (c instanceof SearchCriteria.And a) {
      return a.all().stream().anyMatch(SearchEncoder::needsUtf8);
    }
    return false;
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(ch -> ch < 0x80);
  }

  /** Writes {@code c}; a top-level AND is written as a plain key sequence. */
  static void write(ImapEncoder enc, SearchCriteria c, boolean top) {
    if (c instanceof SearchCriteria.And a) {
      if (!top) {
        enc.listStart();
      }
      List<SearchCriteria> all = a.all();
      for (int i = 0; i < all.size(); i++) {
        if (i > 0) {
          enc.sp();
        }
        write(enc, all.get(i), false);
      }
      if (!top) {
        enc.listEnd();
      }
    } else if (c instanceof SearchCriteria.Key k) {
      enc.atom(k.name());
    } else if (c instanceof SearchCriteria.Text t) {
      enc.atom(t.key()).sp().string(t.value());
    } else if (c instanceof SearchCriteria.Header h) {
      enc.atom("HEADER").sp().astring(h.field()).sp().string(h.value());
    } else if (c instanceof SearchCriteria.Keyword k) {
      enc.atom(k.present() ? "KEYWORD" : "UNKEYWORD").sp().flag(k.keyword().value());
    } else if (c instanceof SearchCriteria.Date d) {
      enc.atom(d.key()).sp().raw(DATE.format(d.date()));
    } else if (c instanceof SearchCriteria.Size s) {
      enc.atom(s.larger() ? "LARGER" : "SMALLER").sp().number(s.bytes());
    } else if (c instanceof SearchCriteria.ModSeq m) {
      enc.atom("MODSEQ").sp().raw(Long.toString(m.modSeq()));
    } else if (c instanceof SearchCriteria.Within w) {
      enc.atom(w.older() ? "OLDER" : "YOUNGER").sp().raw(Long.toString(w.seconds()));
    } else if (c instanceof SearchCriteria.SavedSearch) {
      enc.raw("$");
    } else if (c instanceof SearchCriteria.Sequence s) {
      enc.raw(s.set().toString());
    } else if (c instanceof SearchCriteria.Uids u) {
      enc.atom("UID").sp().raw(u.set().toString());
    } else if (c instanceof SearchCriteria.Not n) {
      enc.atom("NOT").sp();
      write(enc, n.criteria(), false);
    } else if (c instanceof SearchCriteria.Or o) {
      enc.atom("OR").sp();
      write(enc, o.left(), false);
      enc.sp();
      write(enc, o.right(), false);
    } else {
      throw new IllegalArgumentException("unknown search key " + c);
    }
  }
}
