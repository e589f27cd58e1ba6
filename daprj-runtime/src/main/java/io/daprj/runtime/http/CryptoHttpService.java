package io.daprj.runtime.http;

import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpResponseWriter;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.daprj.runtime.crypto.CryptoApi;
import io.daprj.runtime.crypto.CryptoStream;
import io.daprj.runtime.crypto.EncryptOptions;
import io.daprj.runtime.errors.DaprError;
import io.daprj.runtime.errors.DaprException;
import io.daprj.runtime.errors.ErrorResponses;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * {@code PUT /v1.0-alpha1/crypto/{component}/encrypt|decrypt}, streamed both ways: the body is read and processed
 * one chunk at a time on a virtual thread, so a document of any size passes in bounded memory. Output is held back
 * until {@value #COMMIT_BYTES} bytes are ready (or the input ends), so a short document that fails gets daprd's
 * JSON error; once the 200 went out, a later failure (a tampered segment) aborts the response instead of ending
 * it, and the client never sees the plaintext of a segment that failed authentication.
 */
final class CryptoHttpService implements HttpService {

    static final int COMMIT_BYTES = 1 << 20;
    private static final String PREFIX = "/v1.0-alpha1/crypto/{component}/";

    private final CryptoApi crypto;
    private final Executor executor;
    private final String appId;

    CryptoHttpService(CryptoApi crypto, Executor executor, String appId) {
        this.crypto = crypto;
        this.executor = executor;
        this.appId = appId;
    }

    /** Adds the two routes; call before the catch-all API service. */
    void bind(ServerBuilder sb) {
        sb.route().put(PREFIX + "encrypt").build(this);
        sb.route().put(PREFIX + "decrypt").build(this);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        HttpResponseWriter res = HttpResponse.streaming();
        executor.execute(() -> run(ctx, req, res));
        return res;
    }

    private void run(ServiceRequestContext ctx, HttpRequest req, HttpResponseWriter res) {
        CryptoStream stream;
        try {
            stream = open(ctx.pathParam("component"), ctx.path().endsWith("/encrypt"), req.headers());
        } catch (RuntimeException e) {
            req.abort();
            fail(res, ErrorResponses.toDapr(e));
            return;
        }
        StreamingResponse out = new StreamingResponse(res);
        try (InputStream in = req.toInputStream(o -> o instanceof HttpData d ? d : HttpData.empty())) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n != -1; n = in.read(buf)) {
                stream.write(buf, 0, n, out);
            }
            stream.finish(out);
            out.complete();
        } catch (IOException | RuntimeException e) {
            DaprException dapr = failure(e);
            if (out.committed()) {
                res.close(dapr);
            } else {
                fail(res, dapr);
            }
        }
    }

    private CryptoStream open(String component, boolean encrypt, RequestHeaders headers) {
        if (!encrypt) {
            return crypto.decrypt(component, Optional.ofNullable(headers.get("dapr-key-name")));
        }
        crypto.provider(component);
        String keyName = required(headers, "dapr-key-name");
        String algorithm = required(headers, "dapr-key-wrap-algorithm");
        return crypto.encrypt(new EncryptOptions(component, keyName, algorithm,
                Optional.ofNullable(headers.get("dapr-data-encryption-cipher")),
                truthy(headers.get("dapr-omit-decryption-key-name")),
                Optional.ofNullable(headers.get("dapr-decryption-key-name"))));
    }

    private static String required(RequestHeaders headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isEmpty()) {
            throw DaprError.ERR_BAD_REQUEST.with("missing header '" + name + "'");
        }
        return value;
    }

    /** dapr/kit's {@code IsTruthy}. */
    private static boolean truthy(String value) {
        return value != null && switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true", "t", "on", "1" -> true;
            default -> false;
        };
    }

    private static DaprException failure(Throwable e) {
        Throwable cause = e instanceof IOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ContentTooLargeException tooLarge) {
            return HttpErrorRenderer.tooLarge(tooLarge.maxContentLength());
        }
        if (cause instanceof DaprException dapr) {
            return dapr;
        }
        return DaprError.ERR_CRYPTO.with("failed to perform operation: " + cause.getMessage());
    }

    private void fail(HttpResponseWriter res, DaprException e) {
        res.write(ResponseHeaders.builder(HttpStatus.valueOf(e.httpStatus())).contentType(MediaType.JSON).build());
        res.write(HttpData.wrap(ErrorResponses.httpBody(e, appId)));
        res.close();
    }
}
