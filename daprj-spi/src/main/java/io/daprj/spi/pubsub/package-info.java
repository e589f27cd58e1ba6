/**
 * The pub/sub contract, after Dapr's components-contrib {@code pubsub.PubSub}.
 *
 * <p>Starting points: {@link io.daprj.spi.pubsub.PubSub} (publish, subscribe), {@link io.daprj.spi.pubsub.MessageHandler}
 * (the runtime's side of a subscription: it returns once the app accepted or dropped the message and throws when the
 * message must come again) and {@link io.daprj.spi.pubsub.PubSubFeature} (declared exactly; the conformance suite
 * checks both ways). Payloads are opaque bytes: the runtime builds and reads the CloudEvent envelope, a component
 * never does.
 */
package io.daprj.spi.pubsub;
