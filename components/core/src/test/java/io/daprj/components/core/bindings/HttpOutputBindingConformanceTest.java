package io.daprj.components.core.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.BindingInvokeException;
import io.daprj.spi.bindings.BindingResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local server that keeps the last POSTed body: GET returns it, DELETE forgets it; {@code /status/N}
 * answers N; every request is recorded.
 */
class HttpOutputBindingConformanceTest extends BindingConformance {

    record Seen(String method, String path, Map<String, String> headers, String body) {}

    private HttpServer server;
    private volatile byte[] stored = new byte[0];
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            seen.add(new Seen(method, path, headers, new String(body, StandardCharsets.UTF_8)));
            int status = path.contains("/status/") ? Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)) : 200;
            byte[] out = switch (method) {
                case "POST", "PUT", "PATCH" -> {
                    stored = body;
                    yield new byte[0];
                }
                case "DELETE" -> {
                    stored = new byte[0];
                    yield new byte[0];
                }
                case "GET" -> stored;
                default -> new byte[0];
            };
            exchange.getResponseHeaders().add("X-Server", "test");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpOutputBinding open(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(extra);
        props.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/base/");
        HttpOutputBinding binding = new HttpOutputBinding();
        binding.init(ComponentMetadata.of("http", "bindings.http", props));
        return binding;
    }

    @Override
    protected Binding newBinding() throws Exception {
        if (server == null) {
            startServer();
        }
        return open(Map.of());
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("operations", "create", "get", "delete");
    }

    @Test
    void everyVerbIsSentWithPathAndUpperCaseMetadataAsHeaders() {
        HttpOutputBinding b = open(Map.of());
        for (String op : b.operations()) {
            b.invoke(op, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Map.of("path", "/items/7", "X-Custom", "v", "lower", "no"));
        }
        assertThat(seen.stream().map(Seen::method).toList())
                .containsExactly("POST", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.path()).isEqualTo("/base/items/7");
            assertThat(s.headers()).containsEntry("x-custom", "v").doesNotContainKey("lower");
        });
        Seen put = seen.get(4);
        assertThat(put.body()).isEqualTo("{\"a\":1}");
        assertThat(put.headers()).containsEntry("content-type", "application/json; charset=utf-8");
    }

    @Test
    void responseMetadataCarriesStatusAndCanonicalHeaders() {
        BindingResponse r = open(Map.of()).invoke("get", new byte[0], Map.of()).orElseThrow();
        assertThat(r.metadata()).containsEntry("statusCode", "200").containsEntry("status", "200 OK")
                .containsEntry("X-Server", "test");
    }

    @Test
    void non2xxFailsWithTheStatusInMetadataUnlessErrorIfNot2XXIsFalse() {
        HttpOutputBinding b = open(Map.of());
        assertThatThrownBy(() -> b.invoke("get", new byte[0], Map.of("path", "status/404")))
                .isInstanceOfSatisfying(BindingInvokeException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("received status code 404");
                    assertThat(e.metadata()).containsEntry("statusCode", "404");
                });
        assertThat(b.invoke("get", new byte[0], Map.of("path", "status/500", "errorIfNot2XX", "false")).orElseThrow()
                .metadata()).containsEntry("statusCode", "500");
        assertThat(open(Map.of("errorIfNot2XX", "false")).invoke("get", new byte[0], Map.of("path", "status/503"))).isPresent();
    }

    @Test
    void securityTokenGoesInItsHeader() {
        open(Map.of("securityToken", "s3cret", "securityTokenHeader", "X-Token")).invoke("get", new byte[0], Map.of());
        assertThat(seen.getLast().headers()).containsEntry("x-token", "s3cret");
    }

    @Test
    void byteSizesReadKubernetesQuantities() {
        assertThat(HttpOutputBinding.byteSize("100Mi")).isEqualTo(100L << 20);
        assertThat(HttpOutputBinding.byteSize("2K")).isEqualTo(2000);
        assertThat(HttpOutputBinding.byteSize("512")).isEqualTo(512);
        assertThatThrownBy(() -> HttpOutputBinding.byteSize("lots")).hasMessageContaining("lots");
    }
}
