package dev.mailroom.testkit.junit5;

import dev.mailroom.testkit.MockMailServer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts the servers in {@link StartStop @StartStop} fields and closes them, following OkHttp's MockWebServer
 * extension. A field's type must be {@link MockMailServer} or any {@link AutoCloseable} with a public no-argument
 * {@code start()} method.
 *
 * <pre>{@code
 * class GreetingTest {
 *   @StartStop final MockMailServer server = new MockMailServer();
 *
 *   @Test void readsGreeting() throws Exception {
 *     server.enqueue(MockReply.of("+OK ready"));
 *     try (Socket client = new Socket(server.host(), server.port())) {
 *       assertEquals('+', client.getInputStream().read());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Instance fields are started before each test and static fields once before all tests of the class; then the
 * server is put in the extension context's store, and JUnit (5.13 or later) closes it, as an {@link AutoCloseable},
 * when that context ends. After each test, every {@link MockMailServer} field, instance or static, is checked with
 * {@link MockMailServer#verifyNoFailures()}, so an unexpected command fails the test that caused it.
 */
public final class StartStopExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StartStopExtension.class);

  /** Called by JUnit. */
  public StartStopExtension() {
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (Field field : fields(context.getRequiredTestClass(), true)) {
      startAndStore(context, field, null);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    // All instances: the test class and, for @Nested tests, its enclosing instances.
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : fields(instance.getClass(), false)) {
        startAndStore(context, field, instance);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<Declared> declared = new ArrayList<>();
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      fields(instance.getClass(), true).forEach(field -> declared.add(new Declared(field, null)));
      fields(instance.getClass(), false).forEach(field -> declared.add(new Declared(field, instance)));
    }
    AssertionError failures = null;
    for (Declared d : declared) {
      if (context.getStore(NAMESPACE).get(key(d.field())) == null) continue; // not started by this extension
      if (read(d.field(), d.instance()) instanceof MockMailServer server) {
        try {
          server.verifyNoFailures();
        } catch (AssertionError e) {
          if (failures == null) failures = e;
          else failures.addSuppressed(e);
        }
      }
    }
    if (failures != null) throw failures;
  }

  /** A {@code @StartStop} field and the instance it belongs to (null for a static field). */
  private record Declared(Field field, Object instance) {
  }

  private static void startAndStore(ExtensionContext context, Field field, Object instance) throws Exception {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    String key = key(field);
    if (store.get(key) != null) return; // already started by another registration of this extension
    Object server = read(field, instance);
    if (server == null) {
      throw new ExtensionConfigurationException("@StartStop field " + key + " is null");
    }
    if (!(server instanceof AutoCloseable closeable)) {
      throw new ExtensionConfigurationException("@StartStop field " + key + " is not AutoCloseable");
    }
    if (server instanceof MockMailServer mock) {
      mock.start();
    } else {
      Optional<Method> start = ReflectionSupport.findMethod(server.getClass(), "start");
      if (start.isEmpty() || start.get().getParameterCount() != 0) {
        throw new ExtensionConfigurationException("@StartStop field " + key + " has no start() method");
      }
      ReflectionSupport.invokeMethod(start.get(), server);
    }
    store.put(key, closeable); // JUnit 5.13+ closes AutoCloseable store values when the context ends
  }

  private static List<Field> fields(Class<?> testClass, boolean statics) {
    return AnnotationSupport.findAnnotatedFields(testClass, StartStop.class,
        field -> Modifier.isStatic(field.getModifiers()) == statics, HierarchyTraversalMode.TOP_DOWN);
  }

  private static Object read(Field field, Object instance) {
    try {
      return ReflectionSupport.tryToReadFieldValue(field, instance).get();
    } catch (Exception e) {
      throw new ExtensionConfigurationException("cannot read @StartStop field " + key(field), e);
    }
  }

  private static String key(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }
}
