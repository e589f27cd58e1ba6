package io.daprj.runtime.health;

import io.daprj.runtime.errors.DaprError;
import java.util.concurrent.atomic.AtomicBoolean;

/** The sidecar's readiness, as the healthz endpoints report it. */
public final class HealthApi {

    private final String appId;
    private final AtomicBoolean outboundReady = new AtomicBoolean();
    private final AtomicBoolean appReady = new AtomicBoolean();

    public HealthApi(String appId, boolean hasApp) {
        this.appId = appId;
        appReady.set(!hasApp);
    }

    public void outboundReady() {
        outboundReady.set(true);
    }

    /** Called once the app's port accepts connections. */
    public void appReady() {
        appReady.set(true);
    }

    /** Throws ERR_HEALTH_NOT_READY / ERR_HEALTH_APPID_NOT_MATCH unless ready. */
    public void checkReady(String expectedAppId) {
        if (expectedAppId != null && !expectedAppId.isEmpty() && !expectedAppId.equals(appId)) {
            throw DaprError.ERR_HEALTH_APPID_NOT_MATCH.with("dapr app-id does not match");
        }
        if (!outboundReady.get() || !appReady.get()) {
            throw DaprError.ERR_HEALTH_NOT_READY.with("dapr is not ready: "
                    + (!outboundReady.get() ? "components are loading" : "waiting for the app to listen on its port"));
        }
    }

    public void checkOutboundReady() {
        if (!outboundReady.get()) {
            throw DaprError.ERR_OUTBOUND_HEALTH_NOT_READY.with("dapr outbound is not ready");
        }
    }
}
