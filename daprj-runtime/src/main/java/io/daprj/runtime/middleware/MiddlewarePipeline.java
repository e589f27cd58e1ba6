package io.daprj.runtime.middleware;

import io.daprj.runtime.components.ComponentInitException;
import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.components.LoadedComponent;
import io.daprj.spi.middleware.HttpMiddleware;
import io.daprj.spi.middleware.MiddlewareChain;
import io.daprj.spi.middleware.MiddlewareRequest;
import io.daprj.spi.middleware.MiddlewareResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Middleware components chained in the order of a {@link PipelineSpec}. Thread safe (the components are). A request
 * passes each middleware in turn and then the terminal link (the API or the app); the answer travels back the same
 * way.
 */
public final class MiddlewarePipeline {

    private static final Logger log = LoggerFactory.getLogger(MiddlewarePipeline.class);

    public static final MiddlewarePipeline EMPTY = new MiddlewarePipeline(List.of());

    private final List<HttpMiddleware> handlers;

    public MiddlewarePipeline(List<HttpMiddleware> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /**
     * Binds each handler to the loaded middleware component of that name and type.
     *
     * @param pipelineName {@code httpPipeline} or {@code appHttpPipeline}, for messages
     * @throws ComponentInitException when a handler names no loaded {@code middleware.http} component of its type
     */
    public static MiddlewarePipeline build(PipelineSpec spec, ComponentStore components, String pipelineName) {
        List<HttpMiddleware> handlers = new ArrayList<>();
        for (PipelineSpec.Handler handler : spec.handlers()) {
            LoadedComponent<HttpMiddleware> component = components.get(HttpMiddleware.class, handler.name())
                    .filter(c -> c.spec().type().equalsIgnoreCase(handler.type()))
                    .orElseThrow(() -> new ComponentInitException("Configuration " + pipelineName + ": couldn't find"
                            + " middleware component with name '" + handler.name() + "' and type '" + handler.type()
                            + "/" + handler.version() + "' (expected: a loaded component of type middleware.http.*)"));
            handlers.add(component.instance());
            log.info("enabled {}/{} {} middleware", handler.type(), pipelineName, handler.version());
        }
        return new MiddlewarePipeline(handlers);
    }

    public boolean isEmpty() {
        return handlers.isEmpty();
    }

    /** Runs {@code request} through every middleware and then {@code terminal}. */
    public MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain terminal) throws Exception {
        return link(0, terminal).proceed(request);
    }

    private MiddlewareChain link(int index, MiddlewareChain terminal) {
        if (index == handlers.size()) {
            return terminal;
        }
        HttpMiddleware middleware = handlers.get(index);
        return request -> middleware.handle(request, link(index + 1, terminal));
    }
}
