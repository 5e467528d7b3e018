package dev.mailroom.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's JSON writer: RFC 8259 §7 string escapes and the value types it accepts. */
class JsonTest {
  @Test
  void quotesBackslashesAndEveryControlCharacterAreEscaped() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    String json = Json.write(controls + "\"\\/");
    assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
        + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e"
        + "\\u001f\\\"\\\\/\"", json);
  }

  @Test
  void delC1AndLineSeparatorsAreEscapedOtherTextIsKept() {
    assertEquals("\"\\u007f\\u0085\\u009b\\u2028\\u2029Grüße 日本 \uD83D\uDE00\"",
        Json.write("\u007f\u0085\u009b\u2028\u2029Grüße 日本 \uD83D\uDE00"));
  }

  @Test
  void unpairedSurrogatesBecomeEscapesSoTheOutputIsValidUtf8() {
    assertEquals("\"a\\ud83db\\ude00\"", Json.write("a\uD83Db\uDE00"));
    assertEquals("\"\\ud83d\"", Json.write("\uD83D"));
  }

  @Test
  void objectsKeepTheirOrderAndNestedValuesAreWritten() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", null);
    inner.put("a", List.of(1, 2L, true));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("name", "x");
    outer.put("inner", inner);
    outer.put("empty", List.of());
    outer.put("none", Arrays.asList((Object) null));
    assertEquals("{\"name\":\"x\",\"inner\":{\"z\":null,\"a\":[1,2,true]},\"empty\":[],\"none\":[null]}",
        Json.write(outer));
  }

  @Test
  void otherTypesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
  }
}
