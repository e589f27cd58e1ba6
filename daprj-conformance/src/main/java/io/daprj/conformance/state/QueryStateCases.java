package io.daprj.conformance.state;

import static io.daprj.conformance.state.StateRequests.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.state.StateFeature;
import io.daprj.spi.state.query.QueryFilter;
import io.daprj.spi.state.query.QueryFilter.Comparison;
import io.daprj.spi.state.query.QueryFilter.Op;
import io.daprj.spi.state.query.QueryResponse;
import io.daprj.spi.state.query.QueryableStateStore;
import io.daprj.spi.state.query.StateQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dapr's query cases (EQ, IN, AND, OR, nested OR of AND, sort, paging), for stores that declare QUERY_API. */
public abstract class QueryStateCases extends TransactionStateCases {

    private QueryableStateStore queryable() {
        requireFeature(StateFeature.QUERY_API);
        QueryableStateStore q = (QueryableStateStore) store;
        q.set(set(key("1"), "{\"person\":{\"org\":\"A\",\"id\":1},\"city\":\"Seattle\",\"state\":\"WA\"}"));
        q.set(set(key("2"), "{\"person\":{\"org\":\"B\",\"id\":2},\"city\":\"Portland\",\"state\":\"OR\"}"));
        q.set(set(key("3"), "{\"person\":{\"org\":\"A\",\"id\":3},\"city\":\"Spokane\",\"state\":\"WA\"}"));
        q.set(set(key("4"), "{\"person\":{\"org\":\"C\",\"id\":4},\"city\":\"Sacramento\",\"state\":\"CA\"}"));
        q.set(set(key("5"), "not json at all"));
        return q;
    }

    private List<String> keys(QueryResponse r) {
        return r.results().stream().map(i -> i.key().substring(key("").length())).toList();
    }

    private StateQuery query(QueryFilter filter, List<StateQuery.Sort> sort, int limit, Optional<String> token) {
        return new StateQuery(key(""), Optional.ofNullable(filter), sort, limit, token);
    }

    private static List<StateQuery.Sort> byId() {
        return List.of(new StateQuery.Sort("person.id", false));
    }

    @Test
    void eqOnANestedPath() {
        QueryResponse r = queryable().query(query(new Comparison(Op.EQ, "person.org", "A"), byId(), 0, Optional.empty()), Map.of());
        assertThat(keys(r)).containsExactly("1", "3");
        assertThat(r.results().getFirst().etag()).isPresent();
        assertThat(new String(r.results().getFirst().data())).contains("Seattle");
    }

    @Test
    void inAndNumericComparisons() {
        QueryableStateStore q = queryable();
        assertThat(keys(q.query(query(new QueryFilter.In("state", List.of("CA", "OR")), byId(), 0, Optional.empty()), Map.of())))
                .containsExactly("2", "4");
        assertThat(keys(q.query(query(new Comparison(Op.GT, "person.id", new BigDecimal(2)), byId(), 0, Optional.empty()), Map.of())))
                .containsExactly("3", "4");
        assertThat(keys(q.query(query(new Comparison(Op.LTE, "person.id", new BigDecimal(2)), byId(), 0, Optional.empty()), Map.of())))
                .containsExactly("1", "2");
        assertThat(keys(q.query(query(new Comparison(Op.NEQ, "state", "WA"), byId(), 0, Optional.empty()), Map.of())))
                .containsExactly("2", "4");
    }

    @Test
    void andOrAndNestedOrOfAnd() {
        QueryableStateStore q = queryable();
        QueryFilter and = new QueryFilter.And(List.of(new Comparison(Op.EQ, "state", "WA"), new Comparison(Op.EQ, "city", "Spokane")));
        assertThat(keys(q.query(query(and, byId(), 0, Optional.empty()), Map.of()))).containsExactly("3");
        QueryFilter or = new QueryFilter.Or(List.of(and, new Comparison(Op.EQ, "person.org", "C")));
        assertThat(keys(q.query(query(or, byId(), 0, Optional.empty()), Map.of()))).containsExactly("3", "4");
    }

    @Test
    void sortDescendingAndNoFilterMatchesEveryJsonValue() {
        QueryResponse r = queryable().query(query(null, List.of(new StateQuery.Sort("person.id", true)), 0, Optional.empty()), Map.of());
        assertThat(keys(r)).containsExactly("4", "3", "2", "1");
    }

    @Test
    void pagesFollowTheirTokensToTheEnd() {
        QueryableStateStore q = queryable();
        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            QueryResponse page = q.query(query(null, byId(), 3, token), Map.of());
            assertThat(page.results().size()).isLessThanOrEqualTo(3);
            seen.addAll(keys(page));
            token = page.token();
            pages++;
        } while (token.isPresent() && pages < 10);
        assertThat(seen).containsExactly("1", "2", "3", "4");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void aForeignTokenIsRejected() {
        QueryableStateStore q = queryable();
        assertThatThrownBy(() -> q.query(query(null, byId(), 2, Optional.of("not-a-token")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
