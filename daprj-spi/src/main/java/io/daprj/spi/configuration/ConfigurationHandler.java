package io.daprj.spi.configuration;

/** Receives the changes of one subscription; see {@link ConfigurationStore#subscribe} for when it is called. */
@FunctionalInterface
public interface ConfigurationHandler {

    /** Takes one change. May block; an exception is logged by the store and does not end the subscription. */
    void onUpdate(ConfigurationUpdate update);
}
