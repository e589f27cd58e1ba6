package io.daprj.components.core.middleware;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.DefaultValue;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareChain;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@code middleware.http.ratelimit}: at most {@code maxRequestsPerSecond} requests per second from each client IP,
 * with a burst of as many; more are answered 429 {@code You have reached maximum request limit.} in plain text, as
 * Dapr's (which uses the tollbooth limiter). The client is the connection's peer address, else the last
 * {@code X-Forwarded-For} entry, else {@code X-Real-IP}, else one shared {@code 0.0.0.0}.
 */
public final class RateLimitMiddleware implements HttpMiddleware {

    static final String LIMIT_MESSAGE = "You have reached maximum request limit.";
    private static final int PURGE_ABOVE = 10_000;

    /** @param maxRequestsPerSecond the sustained rate per client; also the burst */
    record Metadata(@DefaultValue("100") double maxRequestsPerSecond) {
        Metadata {
            if (!(maxRequestsPerSecond > 0)) {
                throw new IllegalArgumentException("metadata property maxRequestsPerSecond must be a positive value");
            }
        }
    }

    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private double rate;

    public RateLimitMiddleware() {
        this(System::nanoTime);
    }

    RateLimitMiddleware(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public void init(ComponentMetadata metadata) {
        rate = metadata.bind(Metadata.class).maxRequestsPerSecond();
    }

    @Override
    public MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain next) throws Exception {
        long now = nanoClock.getAsLong();
        if (buckets.size() > PURGE_ABOVE) {
            // a full bucket holds no state worth keeping: its client has been idle long enough
            buckets.values().removeIf(b -> b.full(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(client(request), c -> new TokenBucket(rate, Math.max(1, rate), now));
        if (!bucket.tryTake(now)) {
            return MiddlewareResponse.text(429, LIMIT_MESSAGE);
        }
        return next.proceed(request);
    }

    static String client(MiddlewareRequest request) {
        if (!request.remoteAddress().isEmpty()) {
            return request.remoteAddress();
        }
        String forwarded = request.header("x-forwarded-for").orElse("");
        if (!forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].trim();
        }
        return request.header("x-real-ip").map(String::trim).filter(s -> !s.isEmpty()).orElse("0.0.0.0");
    }

    /** Tokens refill at {@code rate} per second up to {@code burst}; one request takes one. */
    private static final class TokenBucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private long last;

        TokenBucket(double rate, double burst, long now) {
            this.rate = rate;
            this.burst = Math.floor(burst);
            this.tokens = this.burst;
            this.last = now;
        }

        synchronized boolean tryTake(long now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
        }
    }
}
