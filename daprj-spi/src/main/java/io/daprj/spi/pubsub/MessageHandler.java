package io.daprj.spi.pubsub;

/**
 * The runtime's side of a subscription. It blocks until the app has given its verdict (the runtime calls the app
 * inside it), so a component that calls it on a virtual thread per message, or one at a time, needs no other
 * coordination.
 *
 * <p>Contract, Dapr's "nothing lost": when {@link #handle} returns normally the message is done — the app took it,
 * dropped it, or it went to its dead-letter topic — and the component acknowledges it to the broker. When it
 * throws, the message must be delivered again later (a component may back off, and may give up only where its
 * broker moves the message to a dead-letter queue of its own). A component never acknowledges before the call
 * returns.
 */
@FunctionalInterface
public interface MessageHandler {

    /** @throws Exception when the message is to be redelivered */
    void handle(Message message) throws Exception;
}
