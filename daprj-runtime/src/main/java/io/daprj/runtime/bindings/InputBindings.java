package io.daprj.runtime.bindings;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.resiliency.Failure;
import io.daprj.runtime.resiliency.Policy;
import io.daprj.runtime.resiliency.Resiliency.ComponentKind;
import io.daprj.runtime.resiliency.Resiliency.Direction;
import io.daprj.spi.bindings.Binding;
import io.daprj.spi.bindings.InputBinding;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input bindings this sidecar reads for its app, started once the app listens: each input binding the app
 * subscribes to (or whose {@code direction} names {@code input}) reads into the app at its {@code route} metadata,
 * the binding's name by default. The app's refusal goes back to the component as an exception.
 */
public final class InputBindings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InputBindings.class);

    private final ComponentStore components;
    private final BindingsApi outputs;
    private final List<InputBinding.Reading> readings = new CopyOnWriteArrayList<>();
    private final List<String> running = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile java.util.function.BooleanSupplier appHealthy = () -> true;

    /** The app's health as its health checks see it; events wait while it is unhealthy. */
    public void appHealth(java.util.function.BooleanSupplier healthy) {
        this.appHealthy = healthy;
    }

    public InputBindings(ComponentStore components, BindingsApi outputs) {
        this.components = components;
        this.outputs = outputs;
    }

    /** Starts delivering to an HTTP app through its app channel. */
    public void startHttp(AppChannel channel) {
        start(new HttpBindingApp(channel));
    }

    /** Starts delivering to a gRPC app's {@code AppCallback} service. */
    public void startGrpc(String host, int port, int maxConcurrency) {
        start(new GrpcBindingApp(host, port, maxConcurrency, outputs));
    }

    /** The names of the bindings reading now. */
    public List<String> list() {
        return List.copyOf(running);
    }

    void start(BindingApp app) {
        for (LoadedComponent<Binding> c : components.all(Binding.class)) {
            if (closed) {
                return;
            }
            if (c.instance() instanceof InputBinding input && BindingsApi.hasDirection(c, "input")) {
                startOne(c.spec().name(), route(c.spec().metadata(), c.spec().name()), input, app,
                        BindingsApi.explicitDirection(c, "input"));
            }
        }
    }

    private void startOne(String name, String route, InputBinding input, BindingApp app, boolean explicit) {
        try {
            if (!explicit && !app.subscribed(name, route)) {
                log.info("app has not subscribed to binding {}.", name);
                return;
            }
            Policy inbound = components.resiliency().component(name, ComponentKind.BINDING, Direction.INBOUND);
            InputBinding.Reading reading = input.read(event -> {
                if (!appHealthy.getAsBoolean()) {
                    Thread.sleep(500); // the component keeps the event; daprd stops reading for an unhealthy app
                    throw new IllegalStateException("app is not in a healthy state");
                }
                long start = System.nanoTime();
                boolean delivered = false;
                try {
                    byte[] answer = inbound.call(() -> {
                        try {
                            return app.deliver(name, route, event);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CheckedFailure(e);
                        }
                    }, e -> Failure.OTHER);
                    delivered = true;
                    return answer;
                } catch (RuntimeException e) {
                    Exception cause = e instanceof CheckedFailure checked ? (Exception) checked.getCause() : e;
                    log.debug("error from app consumer for binding [{}]: {}", name, cause.getMessage());
                    throw cause;
                } finally {
                    components.metrics().inputBinding(name, delivered, System.nanoTime() - start);
                }
            });
            readings.add(reading);
            if (closed) {
                reading.close(); // the sidecar closed while this one was starting
                return;
            }
            running.add(name);
            log.info("app is subscribed to input binding {} (route /{})", name, route.startsWith("/") ? route.substring(1) : route);
        } catch (RuntimeException e) {
            log.error("error reading from input binding {}: {}", name, e.toString());
        }
    }

    /** Carries a checked exception of the app call through the resiliency policy. */
    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }

    /** daprd reads the {@code route} metadata entry by its exact name. */
    private static String route(Map<String, String> metadata, String name) {
        String route = metadata.get("route");
        return route == null || route.isBlank() ? name : route;
    }

    @Override
    public void close() {
        closed = true;
        readings.forEach(InputBinding.Reading::close);
        readings.clear();
        running.clear();
    }
}
