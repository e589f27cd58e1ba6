package io.daprj.spi.nameresolution;

import io.daprj.spi.Component;
import java.util.Optional;

/**
 * Finds the sidecar that serves an app id. Thread safe after init.
 */
public interface NameResolver extends Component {

    /** Announces this sidecar so that others can resolve it; called once after init. */
    void register(Instance self);

    /** Withdraws the announcement made by {@link #register}; called at shutdown before close. */
    void unregister();

    /**
     * One live instance of {@code appId} in {@code namespace}, chosen at random when there are several; empty when
     * none is known.
     */
    Optional<Instance> resolve(String appId, String namespace);
}
