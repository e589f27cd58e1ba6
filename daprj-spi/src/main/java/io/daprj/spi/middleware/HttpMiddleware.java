package io.daprj.spi.middleware;

import io.daprj.spi.Component;

/**
 * One link of an HTTP pipeline. The runtime calls {@link #handle} for every request that passes the pipeline this
 * component is listed in; the middleware may change the request and hand it on with {@link MiddlewareChain#proceed},
 * answer it itself without calling the chain (a rejection, say), and change the response the chain returned.
 *
 * <p>Thread safety: {@code handle} is called concurrently from many threads, on virtual threads, so it may block.
 *
 * <p>Failure: an exception thrown by {@code handle} becomes a 500 answer; a rejection should instead be a
 * {@link MiddlewareResponse} with the status the client is meant to see.
 */
public interface HttpMiddleware extends Component {

    /** Handles one request: returns {@code next.proceed(request')} or an answer of its own. */
    MiddlewareResponse handle(MiddlewareRequest request, MiddlewareChain next) throws Exception;
}
