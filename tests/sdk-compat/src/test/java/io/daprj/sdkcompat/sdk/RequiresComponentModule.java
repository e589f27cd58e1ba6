package io.daprj.sdkcompat.sdk;

import io.daprj.sdkcompat.harness.DaprDistribution;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a test class, with the reason, while the packaged distribution does not ship the component module its store
 * lives in ({@code lib/daprj-components-<module>-*.jar}); runs it as soon as the module is packaged.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresComponentModule.Condition.class)
@interface RequiresComponentModule {

    /** The module name after {@code daprj-components-}, for example {@code redis}. */
    String module();

    /** The component type the class needs, for the skip message, for example {@code state.redis}. */
    String componentType();

    /** Evaluates {@link RequiresComponentModule} against the distribution under test. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getElement()
                    .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresComponentModule.class))
                    .map(Condition::evaluate)
                    .orElse(ConditionEvaluationResult.enabled("no component module required"));
        }

        private static ConditionEvaluationResult evaluate(RequiresComponentModule required) {
            if (DaprDistribution.hasComponentModule(required.module())) {
                return ConditionEvaluationResult.enabled(required.componentType() + " is in the distribution");
            }
            return ConditionEvaluationResult.disabled(required.componentType() + " is not in the distribution yet: "
                    + DaprDistribution.home().resolve("lib") + " has no daprj-components-" + required.module()
                    + "-*.jar (rebuild with `mvn -DskipTests install` once components/" + required.module()
                    + " is packaged)");
        }
    }
}
