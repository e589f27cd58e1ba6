package io.daprj.spi.bindings;

/**
 * The runtime's side of an input binding. It blocks until the app answered, so a component can acknowledge to its
 * system right after the call.
 *
 * <p>Contract, Dapr's "nothing lost": when {@link #handle} returns, the app took the event and the component may
 * acknowledge it; when it throws, the app did not (a non-2xx answer, an unreachable app) and a component whose
 * system can redeliver must not acknowledge. Components without redelivery (cron) log and go on.
 */
@FunctionalInterface
public interface BindingEventHandler {

    /**
     * @return the app's response body (may be empty)
     * @throws Exception when the app did not take the event
     */
    byte[] handle(BindingEvent event) throws Exception;
}
