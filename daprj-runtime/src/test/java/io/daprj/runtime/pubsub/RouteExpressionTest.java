package io.daprj.runtime.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class RouteExpressionTest {

    private static final JsonNode EVENT = CloudEvents.parseOrNull(
            "{\"type\":\"widget\",\"data\":{\"kind\":\"big\",\"size\":12.5,\"ok\":true}}".getBytes());

    private static boolean matches(String expression) {
        return RouteExpression.compile(expression).matches(EVENT);
    }

    @Test
    void comparesFieldsWithLiterals() {
        assertThat(matches("event.type == \"widget\"")).isTrue();
        assertThat(matches("event.type != 'widget'")).isFalse();
        assertThat(matches("event.data.size > 10 && event.data.size <= 12.5")).isTrue();
        assertThat(matches("event.data.ok == true")).isTrue();
    }

    @Test
    void combinesWithLogicAndStringMethods() {
        assertThat(matches("!(event.type == \"gadget\") || false")).isTrue();
        assertThat(matches("event.type.startsWith(\"wid\") && event.data.kind.contains(\"i\")")).isTrue();
        assertThat(matches("event.type.endsWith(\"x\")")).isFalse();
    }

    @Test
    void missingFieldIsAnErrorUnlessTheOtherSideDecides() {
        assertThatThrownBy(() -> matches("event.data.color == \"red\""))
                .isInstanceOf(RouteExpression.RouteEvaluationException.class).hasMessageContaining("color");
        assertThat(matches("event.type == \"widget\" || event.data.color == \"red\"")).isTrue();
        assertThat(matches("event.data.color == \"red\" && false")).isFalse();
    }

    @Test
    void unsupportedSyntaxIsRefusedWhenCompiled() {
        assertThatThrownBy(() -> RouteExpression.compile("size(event.data) > 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subset of CEL");
        assertThatThrownBy(() -> RouteExpression.compile("event.type.matches(\"w.*\")"))
                .hasMessageContaining("unsupported function 'matches'");
    }
}
