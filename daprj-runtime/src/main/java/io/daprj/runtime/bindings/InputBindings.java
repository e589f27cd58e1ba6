package io.daprj.runtime.bindings;

import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.runtime.invoke.AppChannel;
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
            InputBinding.Reading reading = input.read(event -> {
                try {
                    return app.deliver(name, route, event);
                } catch (Exception e) {
                    log.debug("error from app consumer for binding [{}]: {}", name, e.getMessage());
                    throw e;
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
