package io.daprj.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRouterTest {

    private final ApiRouter.Handler a = r -> ApiResponse.noContent();
    private final ApiRouter.Handler b = r -> ApiResponse.noContent();
    private final ApiRouter.Handler fallback = r -> ApiResponse.noContent();
    private final ApiRouter router = new ApiRouter()
            .add(Set.of("POST"), "/v1.0/state/{storeName}/bulk", a)
            .add(Set.of("GET"), "/v1.0/state/{storeName}/{key}", b)
            .add(Set.of("GET", "POST"), "/v1.0/invoke/{appId}/method/{method*}", a)
            .fallback(fallback);

    @Test
    void literalRouteWinsOverParameterForItsMethod() {
        assertThat(router.match("POST", "/v1.0/state/s/bulk").handler()).isSameAs(a);
        assertThat(router.match("GET", "/v1.0/state/s/bulk").handler()).isSameAs(b);
    }

    @Test
    void parametersAreDecodedAndPathsCleaned() {
        ApiRouter.Match m = router.match("GET", "//v1.0/state/my%20store/key%2Bwith+plus/");
        assertThat(m.handler()).isSameAs(b);
        assertThat(m.params()).containsEntry("storeName", "my store").containsEntry("key", "key+with+plus");
    }

    @Test
    void restParameterKeepsTheEncodedRemainder() {
        ApiRouter.Match m = router.match("POST", "/v1.0/invoke/app/method/a/b%2Fc");
        assertThat(m.params()).containsEntry("appId", "app").containsEntry("method", "a/b%2Fc");
    }

    @Test
    void unknownPathAndWrongMethodFallBack() {
        assertThat(router.match("GET", "/somewhere/else").handler()).isSameAs(fallback);
        assertThat(router.match("DELETE", "/v1.0/state/s/bulk").handler()).isSameAs(fallback);
        assertThat(router.match("GET", "/v1.0/invoke/app/method").handler()).isSameAs(fallback);
    }
}
