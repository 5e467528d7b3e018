package dev.mailroom.testkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a field whose server {@link StartStopExtension} starts before and closes after: each test for an instance
 * field, the whole class for a static field. The annotation registers the extension itself. See
 * {@link StartStopExtension}.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(StartStopExtension.class)
public @interface StartStop {
}
