package dev.mailroom.mime.internal;

import java.util.Locale;
import java.util.Set;

/** Makes a proposed attachment name safe to use as one path element (SECURITY.md M12). */
public final class FileNames {
  /** What stands in for a name with nothing usable left. */
  public static final String FALLBACK = "attachment";
  /** The longest result, in code points. */
  public static final int MAX_LENGTH = 200;
  private static final int MAX_EXTENSION = 16;

  /** Windows device names, reserved with any extension ({@code con.txt} is the console too). */
  private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
      "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
      "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
      "conin$", "conout$", "clock$");

  private FileNames() { }

  public static String safe(String proposed) {
    if (proposed == null) {
      return FALLBACK;
    }
    int cut = Math.max(proposed.lastIndexOf('/'), proposed.lastIndexOf('\\'));
    String name = proposed.substring(cut + 1);
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (removed(cp)) {
        continue;
      }
      out.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
    }
    String s = strip(out.toString());
    if (s.isEmpty()) {
      return FALLBACK;
    }
    int dot = s.indexOf('.');
    String base = (dot < 0 ? s : s.substring(0, dot)).trim().toLowerCase(Locale.ROOT);
    if (RESERVED.contains(base)) {
      s = "_" + s;
    }
    return limit(s);
  }

  /** Controls (C0, DEL, C1), bidirectional formatting (RLO tricks like {@code gpj.exe}), BOM, line separators. */
  private static boolean removed(int cp) {
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
        || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x061c || cp == 0xfeff || cp == 0x2028 || cp == 0x2029;
  }

  /** Without leading dots and white space (hidden files, {@code ..}) and trailing dots and white space (Windows). */
  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start))
        || Character.isSpaceChar(s.charAt(start)))) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1))
        || Character.isSpaceChar(s.charAt(end - 1)))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String limit(String s) {
    int length = s.codePointCount(0, s.length());
    if (length <= MAX_LENGTH) {
      return s;
    }
    int dot = s.lastIndexOf('.');
    String ext = dot > 0 && s.length() - dot <= MAX_EXTENSION ? s.substring(dot) : "";
    int keep = MAX_LENGTH - ext.length();
    String base = s.substring(0, s.offsetByCodePoints(0, keep));
    return strip(base) + ext;
  }
}
