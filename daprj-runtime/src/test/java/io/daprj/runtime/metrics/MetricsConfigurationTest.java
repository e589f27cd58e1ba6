package io.daprj.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration {@code spec.metric} and what it does to the {@code path} label. */
class MetricsConfigurationTest {

    private static MetricSpec parse(String yaml) throws Exception {
        JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        return MetricSpec.parse(node);
    }

    @Test
    void missingFieldsKeepDaprDefaults() throws Exception {
        assertThat(parse("{}")).isEqualTo(MetricSpec.DEFAULT);
        assertThat(MetricSpec.parse(null).enabled()).isTrue();
    }

    @Test
    void fieldsAreRead() throws Exception {
        MetricSpec spec = parse("""
                enabled: "false"
                latencyDistributionBuckets: [50, 5, 500]
                http:
                  increasedCardinality: true
                  excludeVerbs: true
                  pathMatching: ["/v1.0/invoke/{id}/method/orders/{orderId}"]
                """);
        assertThat(spec).isEqualTo(new MetricSpec(false, true, List.of("/v1.0/invoke/{id}/method/orders/{orderId}"),
                true, List.of(5.0, 50.0, 500.0)));
    }

    @Test
    void defaultPathLabelIsTheRoutePattern() {
        HttpPathLabel label = new HttpPathLabel(MetricSpec.DEFAULT);
        assertThat(label.label("/v1.0/state/store/key-123", "/v1.0/state/{storeName}/{key}"))
                .isEqualTo("/v1.0/state/{storeName}/{key}");
        assertThat(label.label("/anything/else", "")).isEmpty();
    }

    @Test
    void increasedCardinalityKeepsStoreNamesButDropsKeysAndActorIds() {
        HttpPathLabel label = new HttpPathLabel(new MetricSpec(true, true, List.of(), false, List.of()));
        assertThat(label.label("/v1.0/state/store/key-123", "ignored")).isEqualTo("/v1.0/state/store");
        assertThat(label.label("/v1.0/secrets/vault/db-password", "")).isEqualTo("/v1.0/secrets/vault");
        assertThat(label.label("/v1.0/actors/Cart/42/method/add", "")).isEqualTo("/v1.0/actors/Cart/{id}/method");
        assertThat(label.label("/v1.0/invoke/app/method/x", "")).isEqualTo("/v1.0/invoke/app/method/x");
    }

    @Test
    void pathMatchingReportsTheMatchedPatternAndOtherPathsAsEmpty() {
        HttpPathLabel label = new HttpPathLabel(new MetricSpec(true, false,
                List.of("/v1.0/invoke/{id}/method/orders/{orderId}"), false, List.of()));
        assertThat(label.label("/v1.0/invoke/shop/method/orders/77", "/v1.0/invoke/{appId}/method/{method*}"))
                .isEqualTo("/v1.0/invoke/{id}/method/orders/{orderId}");
        assertThat(label.label("/v1.0/invoke/shop/method/carts/77", "/v1.0/invoke/{appId}/method/{method*}")).isEmpty();
    }

    @Test
    void grpcStatusUsesGrpcGoSpelling() {
        assertThat(DaprMetrics.goName(io.grpc.Status.Code.OK)).isEqualTo("OK");
        assertThat(DaprMetrics.goName(io.grpc.Status.Code.NOT_FOUND)).isEqualTo("NotFound");
        assertThat(DaprMetrics.goName(io.grpc.Status.Code.CANCELLED)).isEqualTo("Canceled");
        assertThat(DaprMetrics.goName(io.grpc.Status.Code.INVALID_ARGUMENT)).isEqualTo("InvalidArgument");
    }
}
