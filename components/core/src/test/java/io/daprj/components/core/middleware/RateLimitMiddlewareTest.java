package io.daprj.components.core.middleware;

import static io.daprj.components.core.middleware.Requests.init;
import static io.daprj.components.core.middleware.Requests.run;
import static io.daprj.components.core.middleware.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code ratelimit}: a token bucket per client IP, on a clock the test moves. */
class RateLimitMiddlewareTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicReference<MiddlewareRequest> reached = new AtomicReference<>();

    private static MiddlewareRequest from(String ip) {
        return new MiddlewareRequest("GET", "/v1.0/state/s/k", "", Map.of(), new byte[0], ip);
    }

    private RateLimitMiddleware limiter(String max) throws Exception {
        return init(new RateLimitMiddleware(nanos::get), "middleware.http.ratelimit", Map.of("maxRequestsPerSecond", max));
    }

    @Test
    void requestsOverTheRateAreAnswered429UntilTokensRefill() throws Exception {
        RateLimitMiddleware mw = limiter("2");
        assertThat(run(mw, from("10.0.0.1"), reached).status()).isEqualTo(200);
        assertThat(run(mw, from("10.0.0.1"), reached).status()).isEqualTo(200);
        MiddlewareResponse limited = run(mw, from("10.0.0.1"), reached);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(text(limited.body())).isEqualTo("You have reached maximum request limit.");

        nanos.addAndGet(500_000_000L);
        assertThat(run(mw, from("10.0.0.1"), reached).status()).isEqualTo(200);
        assertThat(run(mw, from("10.0.0.1"), reached).status()).isEqualTo(429);
    }

    @Test
    void eachClientIpHasItsOwnBudget() throws Exception {
        RateLimitMiddleware mw = limiter("1");
        assertThat(run(mw, from("10.0.0.1"), reached).status()).isEqualTo(200);
        assertThat(run(mw, from("10.0.0.1"), reached).status()).isEqualTo(429);
        assertThat(run(mw, from("10.0.0.2"), reached).status()).isEqualTo(200);
    }

    @Test
    void withoutAPeerAddressTheForwardedForHeaderNamesTheClient() {
        MiddlewareRequest forwarded = new MiddlewareRequest("GET", "/", "",
                Map.of("X-Forwarded-For", List.of("1.1.1.1, 2.2.2.2")), new byte[0], "");
        assertThat(RateLimitMiddleware.client(forwarded)).isEqualTo("2.2.2.2");
        assertThat(RateLimitMiddleware.client(new MiddlewareRequest("GET", "/", "", Map.of(), new byte[0], "")))
                .isEqualTo("0.0.0.0");
    }

    @Test
    void maxRequestsPerSecondMustBePositive() {
        assertThatThrownBy(() -> limiter("0")).hasMessageContaining("maxRequestsPerSecond must be a positive value");
    }
}
