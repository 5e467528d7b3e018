package dev.mailroom.testkit.junit5;

import dev.mailroom.testkit.TestCertificates;
import dev.mailroom.testkit.memory.InMemoryMailServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Creates, starts and closes the {@link InMemoryMailServer}s declared with {@link MailServer @MailServer}. Static
 * fields get one server for the class (its {@link InMemoryMailServer#faults() faults} are cleared after each test),
 * instance fields and parameters one per test. Servers are put in the extension context's store, and JUnit (5.13 or
 * later) closes them as {@link AutoCloseable}s when that context ends.
 *
 * <pre>{@code
 * @ExtendWith(MailServerExtension.class)     // optional: @MailServer registers it
 * class PerClassTest {
 *   @MailServer(tls = true) static InMemoryMailServer server;
 *
 *   @Test void first(@MailServer(users = "carol:pw") InMemoryMailServer another) {
 *     assertNotEquals(server.smtpPort(), another.smtpPort());
 *   }
 * }
 * }</pre>
 */
public final class MailServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MailServerExtension.class);

  /** Called by JUnit. */
  public MailServerExtension() {
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (Field field : fields(context.getRequiredTestClass(), true)) {
      inject(context, field, null);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : fields(instance.getClass(), false)) {
        inject(context, field, instance);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (Field field : fields(context.getRequiredTestClass(), true)) {
      field.setAccessible(true);
      if (field.get(null) instanceof InMemoryMailServer server) {
        server.faults().clear();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == InMemoryMailServer.class && parameter.isAnnotated(MailServer.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MailServer config = parameter.findAnnotation(MailServer.class).orElseThrow();
    try {
      return started(context, "parameter:" + parameter.getIndex(), config);
    } catch (Exception e) {
      throw new ExtensionConfigurationException("could not start the in-memory mail server", e);
    }
  }

  private void inject(ExtensionContext context, Field field, Object instance) throws Exception {
    if (field.getType() != InMemoryMailServer.class || Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException("@MailServer field " + field.getName()
          + " must be a non-final InMemoryMailServer");
    }
    InMemoryMailServer server = started(context, "field:" + field.getDeclaringClass().getName() + "."
        + field.getName(), field.getAnnotation(MailServer.class));
    field.setAccessible(true);
    field.set(instance, server);
  }

  private static InMemoryMailServer started(ExtensionContext context, String key, MailServer config)
      throws Exception {
    InMemoryMailServer.Builder builder = InMemoryMailServer.builder()
        .maxMessageSize(config.maxMessageSize()).traceHeaders(config.traceHeaders());
    for (String domain : config.domains()) {
      builder.domain(domain);
    }
    for (String user : config.users()) {
      int colon = user.indexOf(':');
      if (colon <= 0) {
        throw new ExtensionConfigurationException("a @MailServer user is \"name:password\", not \"" + user + "\"");
      }
      builder.user(user.substring(0, colon), user.substring(colon + 1));
    }
    if (config.tls()) {
      builder.tls(TestCertificates.localhost());
    }
    InMemoryMailServer server = builder.build();
    context.getStore(NAMESPACE).put(key, server);
    return server.start();
  }

  private static List<Field> fields(Class<?> type, boolean statics) {
    return AnnotationSupport.findAnnotatedFields(type, MailServer.class,
        f -> Modifier.isStatic(f.getModifiers()) == statics, HierarchyTraversalMode.TOP_DOWN);
  }
}
