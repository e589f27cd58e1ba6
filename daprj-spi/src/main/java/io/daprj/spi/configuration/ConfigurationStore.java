package io.daprj.spi.configuration;

import io.daprj.spi.Component;
import java.util.List;
import java.util.Map;

/**
 * A store of configuration items that applications read and watch, after Dapr's components-contrib
 * {@code configuration.Store}. The application never writes through Dapr: items change in the backend itself.
 *
 * <p>Contract: thread safe after init. {@link #get} reads the backend as it is now. {@link #subscribe} returns only
 * once the store is listening, so every change made after it returns reaches the handler; handlers of one
 * subscription are called one at a time, in the order the backend reported the changes, from a thread of the store
 * that may block (never an I/O event loop). {@link #close} ends every subscription. Failure: an unchecked exception
 * means the backend failed or the request was refused (Dapr's {@code ERR_CONFIGURATION_GET},
 * {@code _SUBSCRIBE}, {@code _UNSUBSCRIBE}); its message is shown to the caller.
 */
public interface ConfigurationStore extends Component {

    /**
     * The items of {@code keys}, or of every key when {@code keys} is empty. Missing keys are left out of the answer,
     * never an error.
     *
     * @param metadata the request's metadata; stores may read options from it
     */
    Map<String, ConfigurationItem> get(List<String> keys, Map<String, String> metadata);

    /**
     * Starts watching {@code keys}, or every key when {@code keys} is empty; each add, update or delete of a watched
     * key after this returns is passed to {@code handler}.
     *
     * @return the subscription id, unique within this store
     */
    String subscribe(List<String> keys, Map<String, String> metadata, ConfigurationHandler handler);

    /**
     * Stops the subscription: once this returns no new call of its handler starts.
     *
     * @throws IllegalArgumentException when no active subscription has this id
     */
    void unsubscribe(String subscriptionId);
}
