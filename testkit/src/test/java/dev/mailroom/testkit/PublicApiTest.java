package dev.mailroom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailroom.testkit.junit5.StartStopExtension;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Public signatures speak JDK types only (STYLE.md §6, anti-pattern 11), and accessors have no get prefix. */
class PublicApiTest {
  private static final List<Class<?>> PUBLIC_TYPES = List.of(MockMailServer.class, MockReply.class,
      SocketEffect.class, SocketEffect.Close.class, SocketEffect.CloseMidReply.class, SocketEffect.ResetMidReply.class,
      SocketEffect.Reset.class, SocketEffect.Stall.class, SocketEffect.Throttle.class,
      SocketEffect.OversizedLine.class, SocketEffect.Garbage.class, SocketEffect.InjectAfterGoAhead.class,
      SocketEffect.HalfClose.class, NextRead.class, Dispatcher.class, QueueDispatcher.class, Transcript.class,
      RecordedCommand.class, RecordedPayload.class, RecordedHandshake.class, ConnectionInfo.class, LineEnding.class,
      TestCertificates.class, StartStopExtension.class, MockSmtpServer.class, RecordedMessage.class);

  @Test
  void noBouncyCastleTypeInAPublicSignature() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : PUBLIC_TYPES) {
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method.getModifiers())) check(method, leaks);
      }
      for (var constructor : type.getDeclaredConstructors()) {
        if (visible(constructor.getModifiers())) check(constructor, leaks);
      }
      for (Field field : type.getDeclaredFields()) {
        if (visible(field.getModifiers()) && field.getGenericType().getTypeName().contains("bouncycastle")) {
          leaks.add(field.toString());
        }
      }
      for (Type supertype : type.getGenericInterfaces()) {
        if (supertype.getTypeName().contains("bouncycastle")) leaks.add(type + " implements " + supertype);
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void noGetPrefixes() {
    for (Class<?> type : PUBLIC_TYPES) {
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method.getModifiers())) {
          assertFalse(method.getName().matches("get[A-Z].*"), method.toString());
        }
      }
    }
  }

  @Test
  void recordsAndEffectsAreSealedOrFinal() {
    assertTrue(SocketEffect.class.isSealed());
    assertTrue(NextRead.class.isSealed());
    assertTrue(Modifier.isFinal(MockReply.class.getModifiers()));
    assertTrue(Modifier.isFinal(TestCertificates.class.getModifiers()));
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Executable executable, List<String> leaks) {
    List<Type> types = new ArrayList<>(List.of(executable.getGenericParameterTypes()));
    types.addAll(List.of(executable.getGenericExceptionTypes()));
    if (executable instanceof Method method) types.add(method.getGenericReturnType());
    for (Type type : types) {
      if (type.getTypeName().contains("bouncycastle")) leaks.add(executable.toString());
    }
  }
}
