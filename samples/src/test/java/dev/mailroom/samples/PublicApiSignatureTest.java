package dev.mailroom.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Third-party types never appear in Mailroom's public API (STYLE.md §6 anti-pattern 11, §7): every public or
 * protected member of every public type in every package a Mailroom module exports without qualification may use
 * JDK and Mailroom types only. okio, Kotlin and Bouncy Castle stay internal.
 */
class PublicApiSignatureTest {
  private static final List<String> FORBIDDEN = List.of("okio.", "kotlin.", "org.bouncycastle.", "org.apache.commons.");

  @Test
  void noThirdPartyTypeInAnyPublicSignature() throws Exception {
    Map<String, List<String>> exported = exportedPackagesByModule();
    assertTrue(exported.containsKey("dev.mailroom.client"), "found modules: " + exported.keySet());
    assertTrue(exported.containsKey("dev.mailroom.testkit"), "found modules: " + exported.keySet());
    List<String> violations = new ArrayList<>();
    int checkedTypes = 0;
    for (List<String> classNames : exported.values()) {
      for (String className : classNames) {
        Class<?> type = Class.forName(className, false, getClass().getClassLoader());
        if (!isApi(type)) {
          continue;
        }
        checkedTypes++;
        check(type, violations);
      }
    }
    assertTrue(checkedTypes > 10, "checked only " + checkedTypes + " types");
    assertEquals(List.of(), violations);
  }

  @Test
  void theCheckSeesAThirdPartyType() {
    List<String> violations = new ArrayList<>();
    check(Leaky.class, violations);
    assertEquals(1, violations.size(), violations.toString());
  }

  /** A type that would break the rule, to prove the check can fail. */
  public interface Leaky {
    List<okio.ByteString> bytes();
  }

  private static boolean isApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers())) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass();
  }

  private static void check(Class<?> type, List<String> violations) {
    checkType(type, type.getGenericSuperclass(), "superclass", violations);
    for (Type t : type.getGenericInterfaces()) {
      checkType(type, t, "interface", violations);
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers())) {
        checkType(type, f.getGenericType(), "field " + f.getName(), violations);
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers())) {
        for (Type t : c.getGenericParameterTypes()) {
          checkType(type, t, "constructor", violations);
        }
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        checkType(type, m.getGenericReturnType(), m.getName() + " return", violations);
        for (Type t : m.getGenericParameterTypes()) {
          checkType(type, t, m.getName() + " parameter", violations);
        }
        for (Type t : m.getGenericExceptionTypes()) {
          checkType(type, t, m.getName() + " throws", violations);
        }
      }
    }
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        checkType(type, rc.getGenericType(), "component " + rc.getName(), violations);
      }
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkType(Class<?> owner, Type t, String where, List<String> violations) {
    if (t == null) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      for (String prefix : FORBIDDEN) {
        if (c.getName().startsWith(prefix)) {
          violations.add(owner.getName() + " " + where + ": " + c.getName());
        }
      }
    } else if (t instanceof ParameterizedType p) {
      checkType(owner, p.getRawType(), where, violations);
      for (Type a : p.getActualTypeArguments()) {
        checkType(owner, a, where, violations);
      }
    } else if (t instanceof GenericArrayType g) {
      checkType(owner, g.getGenericComponentType(), where, violations);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        checkType(owner, b, where, violations);
      }
      for (Type b : w.getLowerBounds()) {
        checkType(owner, b, where, violations);
      }
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        checkType(owner, b, where, violations);
      }
    }
  }

  /** Reads every Mailroom module-info on the class path and lists the classes of its unqualified exports. */
  private Map<String, List<String>> exportedPackagesByModule() throws IOException {
    Map<String, List<String>> result = new TreeMap<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources("module-info.class"))) {
      ModuleDescriptor descriptor;
      try (InputStream in = url.openStream()) {
        descriptor = ModuleDescriptor.read(in);
      }
      if (!descriptor.name().startsWith("dev.mailroom.")) {
        continue;
      }
      List<String> classes = new ArrayList<>();
      withRoot(url, root -> {
        for (ModuleDescriptor.Exports e : descriptor.exports()) {
          if (e.isQualified()) {
            continue;
          }
          Path dir = root.resolve(e.source().replace('.', '/'));
          try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".class") && !n.equals("package-info.class") && !n.equals("module-info.class"))
                .forEach(n -> classes.add(e.source() + "." + n.substring(0, n.length() - ".class".length())));
          }
        }
      });
      result.put(descriptor.name(), classes);
    }
    return result;
  }

  private interface RootAction {
    void run(Path root) throws IOException;
  }

  private static void withRoot(URL moduleInfo, RootAction action) throws IOException {
    String s = moduleInfo.toString();
    String rootUri = s.substring(0, s.length() - "module-info.class".length());
    if (s.startsWith("jar:")) {
      String jar = rootUri.substring(0, rootUri.indexOf("!/") + 2);
      try (FileSystem fs = FileSystems.newFileSystem(URI.create(jar), Map.of())) {
        action.run(fs.getPath("/"));
      }
    } else {
      action.run(Path.of(URI.create(rootUri)));
    }
  }
}
