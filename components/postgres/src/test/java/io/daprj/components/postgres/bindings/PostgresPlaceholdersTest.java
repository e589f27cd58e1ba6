package io.daprj.components.postgres.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.components.jdbc.bindings.SqlCall;
import java.util.List;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class PostgresPlaceholdersTest {

    private static SqlCall jdbc(String sql, Object... params) {
        return PostgresPlaceholders.toJdbc(new SqlCall(sql, List.of(params)));
    }

    @Test
    void numberedPlaceholdersBecomeQuestionMarksWithTheParametersInOrderOfUse() {
        SqlCall call = jdbc("SELECT * FROM t WHERE b = $2 AND (a = $1 OR c = $1)", "a", "b");
        assertThat(call.sql()).isEqualTo("SELECT * FROM t WHERE b = ? AND (a = ? OR c = ?)");
        assertThat((List<Object>) call.params()).containsExactly("b", "a", "a");
    }

    @Test
    void quotedTextCommentsAndDollarBodiesAreLeftAloneAndALiteralQuestionMarkIsEscaped() {
        SqlCall call = jdbc("SELECT '$1', \"$2\", $$ $1 $$, $f$ x $f$ -- $1\n, doc ? 'k', $1 /* $1 */", 7);
        assertThat(call.sql()).isEqualTo("SELECT '$1', \"$2\", $$ $1 $$, $f$ x $f$ -- $1\n, doc ?? 'k', ? /* $1 */");
        assertThat((List<Object>) call.params()).containsExactly(7);
    }

    @Test
    void moreOrFewerParametersThanPlaceholdersFailAsPgxDoes() {
        assertThatThrownBy(() -> jdbc("SELECT $1, $2", 1)).hasMessage("error executing query: expected 2 arguments, got 1");
        assertThatThrownBy(() -> jdbc("SELECT 1", 1)).hasMessage("error executing query: expected 0 arguments, got 1");
    }
}
