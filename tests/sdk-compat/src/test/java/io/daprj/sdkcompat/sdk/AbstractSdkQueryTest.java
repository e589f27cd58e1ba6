package io.daprj.sdkcompat.sdk;

import static io.daprj.sdkcompat.sdk.DaprExceptions.assertGrpcCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprPreviewClient;
import io.dapr.client.domain.QueryStateItem;
import io.dapr.client.domain.QueryStateResponse;
import io.dapr.client.domain.State;
import io.dapr.client.domain.query.Pagination;
import io.dapr.client.domain.query.Query;
import io.dapr.client.domain.query.Sorting;
import io.dapr.client.domain.query.filters.AndFilter;
import io.dapr.client.domain.query.filters.EqFilter;
import io.dapr.client.domain.query.filters.InFilter;
import io.dapr.client.domain.query.filters.OrFilter;
import io.daprj.sdkcompat.harness.DaprdProcess;
import io.daprj.sdkcompat.harness.SidecarLogsOnFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DaprPreviewClient.queryState} (gRPC QueryStateAlpha1) over six employees saved once per class. A subclass
 * starts a sidecar whose store, named {@link #storeName()}, holds nothing else of this app.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SidecarLogsOnFailure.class)
abstract class AbstractSdkQueryTest {

    private static final Duration CALL = Duration.ofSeconds(20);
    /** As Dapr's query examples do: values saved as JSON documents, which stores keeping bytes apart can query. */
    private static final Map<String, String> JSON_CONTENT = Map.of("contentType", "application/json");

    record Team(String org, String city) {}

    record Employee(String name, Team team, int age) {}

    private static final List<Employee> EMPLOYEES = List.of(
            new Employee("alice", new Team("dev", "Berlin"), 31),
            new Employee("bob", new Team("ops", "Paris"), 45),
            new Employee("carol", new Team("dev", "Paris"), 28),
            new Employee("dave", new Team("sales", "Berlin"), 52),
            new Employee("erin", new Team("dev", "Oslo"), 39),
            new Employee("frank", new Team("ops", "Oslo"), 23));

    private DaprdProcess daprd;
    private DaprPreviewClient preview;

    /** Starts the sidecar under test; {@code workDir} is this class's own temp dir. */
    abstract DaprdProcess startSidecar(Path workDir) throws IOException;

    abstract String storeName();

    @BeforeAll
    void startAndSaveEmployees(@TempDir Path workDir) throws Exception {
        daprd = startSidecar(workDir);
        preview = daprd.newPreviewClient();
        try (DaprClient client = daprd.newClient()) {
            List<State<?>> states = new ArrayList<>();
            EMPLOYEES.forEach(e -> states.add(new State<>(e.name(), e, null, JSON_CONTENT, null)));
            client.saveBulkState(storeName(), states).block(CALL);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (preview != null) {
            preview.close();
        }
        if (daprd != null) {
            daprd.close();
        }
        afterSidecarStopped();
    }

    /** Cleans up what the store left outside the sidecar (tables), once the sidecar has ended. */
    void afterSidecarStopped() throws Exception {}

    private QueryStateResponse<Employee> query(Query query) {
        return preview.queryState(storeName(), query, JSON_CONTENT, Employee.class).block(CALL);
    }

    private QueryStateResponse<Employee> query(String json) {
        return preview.queryState(storeName(), json, JSON_CONTENT, Employee.class).block(CALL);
    }

    private static List<String> keys(QueryStateResponse<Employee> response) {
        return response.getResults().stream().map(QueryStateItem::getKey).toList();
    }

    /** Matches all six; the SDK refuses a {@link Query} without a filter. */
    private static InFilter<String> everyOrg() {
        return new InFilter<>("team.org", "dev", "ops", "sales");
    }

    private static Sorting ascending(String key) {
        return new Sorting(key, Sorting.Order.ASC);
    }

    @Test
    void eqOnNestedFieldReturnsTheMatchingItemsWithValueAndEtag() {
        QueryStateResponse<Employee> response = query(new Query().setFilter(new EqFilter<>("team.org", "dev")));

        assertThat(keys(response)).containsExactlyInAnyOrder("alice", "carol", "erin");
        assertThat(response.getResults()).allSatisfy(item -> {
            assertThat(item.getValue()).isEqualTo(EMPLOYEES.stream()
                    .filter(e -> e.name().equals(item.getKey())).findFirst().orElseThrow());
            assertThat(item.getEtag()).isNotBlank();
            assertThat(item.getError()).isNullOrEmpty();
        });
    }

    @Test
    void eqOnNumberMatchesTheNumericValue() {
        assertThat(keys(query(new Query().setFilter(new EqFilter<>("age", 45))))).containsExactly("bob");
    }

    @Test
    void inMatchesAnyOfTheListedValues() {
        Query query = new Query().setFilter(new InFilter<>("team.city", "Paris", "Oslo"));

        assertThat(keys(query(query))).containsExactlyInAnyOrder("bob", "carol", "erin", "frank");
    }

    @Test
    void andOfEqAndNestedOrNarrowsTheResult() {
        OrFilter berlinOrOslo = new OrFilter()
                .addClause(new EqFilter<>("team.city", "Berlin"))
                .addClause(new EqFilter<>("team.city", "Oslo"));
        AndFilter devInBerlinOrOslo = new AndFilter()
                .addClause(new EqFilter<>("team.org", "dev"))
                .addClause(berlinOrOslo);

        assertThat(keys(query(new Query().setFilter(devInBerlinOrOslo)))).containsExactlyInAnyOrder("alice", "erin");
    }

    @Test
    void orOfTwoEqReturnsTheUnion() {
        OrFilter salesOrAge23 = new OrFilter()
                .addClause(new EqFilter<>("team.org", "sales"))
                .addClause(new EqFilter<>("age", 23));

        assertThat(keys(query(new Query().setFilter(salesOrAge23)))).containsExactlyInAnyOrder("dave", "frank");
    }

    @Test
    void rangeAndNeqFiltersAsRawJsonCompareNumbersAndStrings() {
        String query = """
                {"filter": {"AND": [{"GTE": {"age": 31}}, {"LT": {"age": 52}}, {"NEQ": {"team.org": "ops"}}]},
                 "sort": [{"key": "age"}]}
                """;

        assertThat(keys(query(query))).containsExactly("alice", "erin");
        assertThat(keys(query("{\"filter\": {\"LTE\": {\"name\": \"bob\"}}, \"sort\": [{\"key\": \"name\"}]}")))
                .containsExactly("alice", "bob");
        assertThat(keys(query("{\"filter\": {\"GT\": {\"age\": 45}}}"))).containsExactly("dave");
    }

    @Test
    void sortOrdersByTheKeysInTurn() {
        Query byOrgThenAgeDescending = new Query().setFilter(everyOrg()).setSort(List.of(
                ascending("team.org"), new Sorting("age", Sorting.Order.DESC)));

        assertThat(keys(query(byOrgThenAgeDescending)))
                .containsExactly("erin", "alice", "carol", "bob", "frank", "dave");
    }

    @Test
    void sortDescendingOnFilteredItems() {
        Query query = new Query().setFilter(new EqFilter<>("team.org", "dev"))
                .setSort(List.of(new Sorting("age", Sorting.Order.DESC)));

        assertThat(keys(query(query))).containsExactly("erin", "alice", "carol");
    }

    @Test
    void pagesOfTwoFollowedByTheirTokensWalkEveryItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 10; page++) {
            Query query = new Query().setFilter(everyOrg()).setSort(List.of(ascending("name")))
                    .setPagination(new Pagination(2, token));
            QueryStateResponse<Employee> response = query(query);
            pageSizes.add(response.getResults().size());
            seen.addAll(keys(response));
            token = response.getToken();
            if (response.getResults().size() < 2 || token == null || token.isEmpty()) {
                break;
            }
        }

        assertThat(seen).containsExactly("alice", "bob", "carol", "dave", "erin", "frank");
        assertThat(pageSizes.subList(0, 3)).containsExactly(2, 2, 2);
    }

    @Test
    void firstPageCarriesATokenForTheNextPage() {
        QueryStateResponse<Employee> first = query(new Query().setFilter(everyOrg())
                .setSort(List.of(ascending("age"))).setPagination(new Pagination(4, null)));

        assertThat(keys(first)).containsExactly("frank", "carol", "alice", "erin");
        assertThat(first.getToken()).isNotBlank();

        QueryStateResponse<Employee> second = query(new Query().setFilter(everyOrg())
                .setSort(List.of(ascending("age"))).setPagination(new Pagination(4, first.getToken())));
        assertThat(keys(second)).containsExactly("bob", "dave");
    }

    @Test
    void rawJsonQueryWithoutFilterReturnsEveryItem() {
        assertThat(keys(query("{\"sort\": [{\"key\": \"age\", \"order\": \"DESC\"}]}")))
                .containsExactly("dave", "bob", "erin", "alice", "carol", "frank");
        assertThat(keys(query("{\"page\": {\"limit\": 2}, \"sort\": [{\"key\": \"name\"}]}")))
                .containsExactly("alice", "bob");
    }

    @Test
    void queryMatchingNothingReturnsNoResults() {
        assertThat(query(new Query().setFilter(new EqFilter<>("team.org", "nobody"))).getResults()).isEmpty();
    }

    @Test
    void malformedQueryFailsInvalidArgument() {
        assertGrpcCode(() -> query("{\"filter\": {\"EQ\": "), "INVALID_ARGUMENT");
        assertGrpcCode(() -> query("{\"filter\": {\"LIKE\": {\"name\": \"a%\"}}}"), "INVALID_ARGUMENT");
        assertGrpcCode(() -> query("{\"filter\": {\"EQ\": {\"name\": \"alice\", \"age\": 31}}}"), "INVALID_ARGUMENT");
    }
}
