package io.daprj.runtime.health;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.google.protobuf.Empty;
import io.dapr.v1.AppCallbackHealthCheckGrpc;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --enable-app-health-check}: probes the app every interval ({@code GET <path>} for HTTP apps,
 * {@code AppCallbackHealthCheck/HealthCheck} for gRPC apps); after {@code threshold} failures in a row the app is
 * unhealthy until a probe succeeds again.
 */
public final class AppHealthProbe implements BooleanSupplier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppHealthProbe.class);

    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicInteger failures = new AtomicInteger();
    private final int threshold;
    private final BooleanSupplier probe;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("app-health-probe").factory());

    private AppHealthProbe(BooleanSupplier probe, int threshold, Duration interval) {
        this.probe = probe;
        this.threshold = threshold;
        timer.scheduleWithFixedDelay(this::probeOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static AppHealthProbe http(String baseUrl, String path, Duration timeout, int threshold, Duration interval) {
        WebClient client = WebClient.builder(baseUrl).responseTimeout(timeout).build();
        return new AppHealthProbe(() -> client.get(path).aggregate().join().status().isSuccess(), threshold, interval);
    }

    public static AppHealthProbe grpc(String baseUrl, Duration timeout, int threshold, Duration interval) {
        var stub = GrpcClients.builder(baseUrl).responseTimeout(timeout)
                .build(AppCallbackHealthCheckGrpc.AppCallbackHealthCheckBlockingStub.class);
        return new AppHealthProbe(() -> {
            stub.healthCheck(Empty.getDefaultInstance());
            return true;
        }, threshold, interval);
    }

    private void probeOnce() {
        boolean ok;
        try {
            ok = probe.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        }
        if (ok) {
            failures.set(0);
            if (!healthy.getAndSet(true)) {
                log.info("app is healthy again");
            }
        } else if (failures.incrementAndGet() >= threshold && healthy.getAndSet(false)) {
            log.warn("app is unhealthy after {} failed probes", threshold);
        }
    }

    @Override
    public boolean getAsBoolean() {
        return healthy.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
