package io.daprj.runtime.invoke;

import static java.util.Objects.requireNonNull;

/** The app's answer: HTTP status, headers, body and content type (empty when none). */
public record InvokeResponse(int status, Headers headers, byte[] body, String contentType) {

    public InvokeResponse {
        requireNonNull(headers, "headers");
        requireNonNull(body, "body");
        requireNonNull(contentType, "contentType");
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
