package io.daprj.runtime.configuration;

import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.invoke.Headers;
import io.daprj.runtime.invoke.InvokeRequest;
import io.daprj.runtime.invoke.InvokeResponse;
import io.daprj.spi.configuration.ConfigurationHandler;
import io.daprj.spi.configuration.ConfigurationUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the app of a change to a subscription made over HTTP, as daprd does: for each changed key,
 * {@code POST /configuration/<store>/<key>} with the whole update as JSON ({@code {"id","items"}}). An answer other
 * than 200, or a failed call, is logged and the update is not retried.
 */
final class AppConfigurationDelivery implements ConfigurationHandler {

    private static final Logger log = LoggerFactory.getLogger(AppConfigurationDelivery.class);

    private final AppChannel app;
    private final String storeName;

    AppConfigurationDelivery(AppChannel app, String storeName) {
        this.app = app;
        this.storeName = storeName;
    }

    @Override
    public void onUpdate(ConfigurationUpdate update) {
        byte[] body = ConfigurationJson.update(update);
        for (String key : update.items().keySet()) {
            try {
                InvokeResponse response = app.invoke(new InvokeRequest("configuration/" + storeName + "/" + key,
                        "POST", "", Headers.EMPTY, body, "application/json"));
                if (response.status() != 200) {
                    log.error("error sending configuration item to the app: status {}", response.status());
                }
            } catch (RuntimeException e) {
                log.error("error sending configuration item to the app: {}", e.toString());
            }
        }
    }
}
