package io.daprj.runtime.bindings;

import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeRequest;
import io.daprj.runtime.invoke.InvokeResponse;
import io.daprj.spi.bindings.BindingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An HTTP app: {@code OPTIONS /<route>} to discover, {@code POST /<route>} with the raw bytes to deliver. */
final class HttpBindingApp implements BindingApp {

    /** daprd's default {@code --app-binding-options-timeout}. */
    private static final Duration OPTIONS_TIMEOUT = Duration.ofSeconds(3);
    /** A just-started app may answer its first call slowly; daprj asks this many times before giving up. */
    private static final int OPTIONS_ATTEMPTS = 3;

    private final AppChannel channel;

    HttpBindingApp(AppChannel channel) {
        this.channel = channel;
    }

    @Override
    public boolean subscribed(String name, String route) {
        for (int attempt = 1; ; attempt++) {
            try {
                return askOptions(name, route);
            } catch (IllegalStateException e) {
                if (attempt >= OPTIONS_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private boolean askOptions(String name, String route) {
        InvokeRequest options = new InvokeRequest(path(route), "OPTIONS", "", Headers.EMPTY, new byte[0], "application/json");
        InvokeResponse response;
        CompletableFuture<InvokeResponse> call = new CompletableFuture<>();
        Thread.ofVirtual().name("binding-options-" + name).start(() -> {
            try {
                call.complete(channel.invoke(options));
            } catch (RuntimeException e) {
                call.completeExceptionally(e);
            }
        });
        try {
            response = call.get(OPTIONS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("could not invoke OPTIONS method on input binding subscription endpoint \""
                    + route + "\": " + (e instanceof TimeoutException ? "timed out" : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return response.ok() || response.status() == 405;
    }

    @Override
    public byte[] deliver(String name, String route, BindingEvent event) throws Exception {
        Headers.Builder headers = Headers.builder();
        event.metadata().forEach(headers::add);
        InvokeResponse response = channel.invoke(new InvokeRequest(path(route), "POST", "", headers.build(),
                event.data(), "application/json"));
        if (!response.ok()) {
            throw new AppRefusedException("fails to send binding event to http app channel, status code: "
                    + response.status() + " body: " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String path(String route) {
        return route.startsWith("/") ? route.substring(1) : route;
    }

    /** The app answered non-2xx. */
    static final class AppRefusedException extends Exception {
        AppRefusedException(String message) {
            super(message);
        }
    }
}
