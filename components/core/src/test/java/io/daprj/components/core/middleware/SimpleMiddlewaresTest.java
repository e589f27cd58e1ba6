package io.daprj.components.core.middleware;

import static io.daprj.components.core.middleware.Requests.init;
import static io.daprj.components.core.middleware.Requests.post;
import static io.daprj.components.core.middleware.Requests.run;
import static io.daprj.components.core.middleware.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code uppercase}, {@code routerchecker} and {@code routeralias}. */
class SimpleMiddlewaresTest {

    private final AtomicReference<MiddlewareRequest> reached = new AtomicReference<>();

    @Test
    void uppercasePassesTheBodyOnInUpperCase() throws Exception {
        var mw = init(new UppercaseMiddleware(), "middleware.http.uppercase", Map.of());
        MiddlewareResponse response = run(mw, post("/v1.0/state/s", "", "hello wörld"), reached);
        assertThat(text(reached.get().body())).isEqualTo("HELLO WÖRLD");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void routerCheckerRejectsAPathWithoutMatchWith400InvalidRouter() throws Exception {
        var mw = init(new RouterCheckerMiddleware(), "middleware.http.routerchecker",
                Map.of("rule", "^[A-Za-z0-9/._-]+$"));
        assertThat(run(mw, post("/v1.0/invoke/app/method/ok-path", "", ""), reached).status()).isEqualTo(200);
        reached.set(null);
        MiddlewareResponse bad = run(mw, post("/v1.0/invoke/app/method/bad%20path", "", ""), reached);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(text(bad.body())).isEqualTo("invalid router");
        assertThat(bad.header("content-type")).contains("text/plain; charset=utf-8");
        assertThat(reached.get()).isNull();
    }

    @Test
    void routerCheckerSeesTheQueryAndMatchesAnywhereLikeGo() throws Exception {
        var mw = init(new RouterCheckerMiddleware(), "middleware.http.routerchecker", Map.of("rule", "ok=1"));
        assertThat(run(mw, post("/p", "a=2&ok=1", ""), reached).status()).isEqualTo(200);
        assertThat(run(mw, post("/p", "a=2", ""), reached).status()).isEqualTo(400);
    }

    @Test
    void routerCheckerRefusesABadRegexpAtInit() {
        assertThatThrownBy(() -> init(new RouterCheckerMiddleware(), "middleware.http.routerchecker", Map.of("rule", "(")))
                .hasMessageContaining("failed to compile rule regexp");
    }

    @Test
    void routerAliasSendsAnAliasToItsTargetAndAddsVariablesToTheQuery() throws Exception {
        var mw = init(new RouterAliasMiddleware(), "middleware.http.routeralias", Map.of("routes", """
                {"/mall/info": "/v1.0/invoke/mall/method/info",
                 "/hello/{id}/user": "/v1.0/invoke/hello/method/user"}
                """));
        run(mw, post("/mall/info", "b=2", ""), reached);
        assertThat(reached.get().path()).isEqualTo("/v1.0/invoke/mall/method/info");
        assertThat(reached.get().query()).isEqualTo("b=2");

        run(mw, post("/hello/42/user", "z=9&a=x y", ""), reached);
        assertThat(reached.get().path()).isEqualTo("/v1.0/invoke/hello/method/user");
        assertThat(reached.get().query()).isEqualTo("a=x+y&id=42&z=9");

        run(mw, post("/hello/42/other", "", ""), reached);
        assertThat(reached.get().path()).isEqualTo("/hello/42/other");
    }

    @Test
    void routerAliasReadsYamlRoutesAndRegexpVariables() throws Exception {
        var mw = init(new RouterAliasMiddleware(), "middleware.http.routeralias", Map.of("routes", """
                "/orders/{n:[0-9]+}": /v1.0/invoke/shop/method/order
                """));
        run(mw, post("/orders/17", "", ""), reached);
        assertThat(reached.get().requestUri()).isEqualTo("/v1.0/invoke/shop/method/order?n=17");
        run(mw, post("/orders/abc", "", ""), reached);
        assertThat(reached.get().path()).isEqualTo("/orders/abc");
    }

    @Test
    void routerAliasRefusesRoutesThatAreNotAMap() {
        assertThatThrownBy(() -> init(new RouterAliasMiddleware(), "middleware.http.routeralias", Map.of("routes", "[1, 2]")))
                .hasMessageContaining("failed to decode 'routes' property as JSON or YAML");
    }
}
