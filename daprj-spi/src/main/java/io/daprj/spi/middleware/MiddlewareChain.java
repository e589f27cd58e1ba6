package io.daprj.spi.middleware;

/** The rest of a pipeline: the later middlewares and, at the end, the API or the app. */
@FunctionalInterface
public interface MiddlewareChain {

    /** Hands the request on and returns the answer of the rest of the chain. */
    MiddlewareResponse proceed(MiddlewareRequest request) throws Exception;
}
