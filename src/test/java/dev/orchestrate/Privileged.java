package dev.orchestrate;

import dev.orchestrate.emulator.Emulator;
import dev.orchestrate.host.HostCheck;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that need root, FUSE, loop devices and mounts. They run wherever the host can (CI
 * installs what they need); elsewhere they are skipped with the reason, printed where a person
 * reading the build output will see it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("privileged")
@ExtendWith(Privileged.Condition.class)
public @interface Privileged {

    /** Decides once per run; says why when it skips. */
    final class Condition implements ExecutionCondition {

        private static final Optional<String> WHY_NOT = HostCheck.emulatorAsIs("ext4", Emulator.fuseLibrary().orElse(null));

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (WHY_NOT.isEmpty()) {
                return ConditionEvaluationResult.enabled("this host can run the emulated target");
            }
            String reason = "SKIPPED (privileged) " + context.getDisplayName() + ": " + WHY_NOT.get();
            System.err.println(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
