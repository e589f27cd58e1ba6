package io.daprj.sdkcompat.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Checks of Dapr's HTTP error body {@code {"errorCode":"ERR_…","message":"…","details":[…]}} (dapr-api.md §1.2). */
public final class DaprErrorBody {

    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

    private DaprErrorBody() {}

    /** Asserts the status, a JSON body with the {@code errorCode}, and a message explaining it; returns the body. */
    public static JsonNode assertDaprError(HttpResponse<String> response, int status, String errorCode) {
        JsonNode body = assertDaprErrorBody(response);
        assertThat(response.statusCode()).as("status of %s, body %s", response.request().uri(), response.body())
                .isEqualTo(status);
        assertThat(body.path("errorCode").asText()).as("errorCode in %s", response.body()).isEqualTo(errorCode);
        return body;
    }

    /** As {@link #assertDaprError}, and the rich error's {@code google.rpc.ErrorInfo} detail has {@code reason}. */
    public static JsonNode assertDaprError(HttpResponse<String> response, int status, String errorCode, String reason) {
        JsonNode body = assertDaprError(response, status, errorCode);
        List<String> reasons = new ArrayList<>();
        body.path("details").forEach(detail -> {
            if (detail.path("@type").asText().equals(ERROR_INFO)) {
                reasons.add(detail.path("reason").asText());
            }
        });
        assertThat(reasons).as("ErrorInfo reasons in %s", response.body()).containsExactly(reason);
        return body;
    }

    /** Asserts the body is a Dapr error at all: JSON with an {@code ERR_…} code and a message. */
    public static JsonNode assertDaprErrorBody(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("Content-Type of %d error from %s, body %s", response.statusCode(), response.request().uri(),
                        response.body())
                .startsWith("application/json");
        JsonNode body = WireClient.json(response.body());
        assertThat(body.path("errorCode").asText()).as("errorCode in %s", response.body()).startsWith("ERR_");
        assertThat(body.path("message").asText()).as("message in %s", response.body()).isNotBlank();
        return body;
    }
}
