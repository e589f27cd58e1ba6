package io.daprj.runtime.invoke;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.daprj.spi.nameresolution.Instance;
import io.daprj.spi.nameresolution.NameResolver;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dapr's gRPC proxy mode: a call for any service other than Dapr's own, carrying metadata {@code dapr-app-id}, is
 * streamed unchanged (HTTP/2 frames, trailers and all) to that app's gRPC server — directly when the id is this
 * sidecar's app, else through the target app's sidecar, whose internal port serves this class too.
 */
public final class GrpcProxyService implements HttpService {

    private static final String APP_ID = "dapr-app-id";

    private final String appId;
    private final Optional<String> appAddress;
    private final Optional<NameResolver> resolver;
    private final boolean fromOtherSidecar;
    private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

    /**
     * @param appAddress {@code host:port} of this sidecar's gRPC app, if it has one
     * @param fromOtherSidecar true on the internal port, where only calls for this sidecar's own app are accepted
     */
    public GrpcProxyService(String appId, Optional<String> appAddress, Optional<NameResolver> resolver, boolean fromOtherSidecar) {
        this.appId = appId;
        this.appAddress = appAddress;
        this.resolver = resolver;
        this.fromOtherSidecar = fromOtherSidecar;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        String target = req.headers().get(APP_ID);
        if (target == null || target.isBlank()) {
            return grpcError(Status.UNIMPLEMENTED.withDescription("unknown service " + ctx.path()));
        }
        if (target.equals(appId)) {
            if (appAddress.isEmpty()) {
                return grpcError(Status.UNAVAILABLE.withDescription("app " + appId + " has no gRPC app channel"));
            }
            String caller = fromOtherSidecar ? req.headers().get("x-daprj-caller-app-id", appId) : appId;
            HttpRequest toApp = req.withHeaders(req.headers().toBuilder()
                    .set("dapr-caller-app-id", caller)
                    .set("dapr-callee-app-id", appId)
                    .removeAndThen("x-daprj-caller-app-id")
                    .build());
            return client(appAddress.get()).execute(toApp);
        }
        if (fromOtherSidecar) {
            return grpcError(Status.NOT_FOUND.withDescription("this sidecar serves " + appId + ", not " + target));
        }
        Optional<Instance> instance = resolver.flatMap(r -> r.resolve(target, ""));
        if (instance.isEmpty()) {
            return grpcError(Status.UNAVAILABLE.withDescription("failed to proxy request: couldn't find service: " + target));
        }
        return client(instance.get().address())
                .execute(req.withHeaders(req.headers().toBuilder().set("x-daprj-caller-app-id", appId).build()));
    }

    private WebClient client(String address) {
        return clients.computeIfAbsent(address, a -> WebClient.builder("h2c://" + a)
                .responseTimeout(Duration.ZERO)
                .maxResponseLength(0)
                .build());
    }

    /** A trailers-only gRPC response carrying {@code status}. */
    private static HttpResponse grpcError(Status status) {
        return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK)
                .contentType(com.linecorp.armeria.common.MediaType.parse("application/grpc"))
                .add("grpc-status", Integer.toString(status.getCode().value()))
                .add(HttpHeaderNames.of("grpc-message"), status.getDescription() == null ? "" : status.getDescription())
                .build());
    }
}
