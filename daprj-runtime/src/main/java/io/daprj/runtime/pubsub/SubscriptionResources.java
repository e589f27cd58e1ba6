package io.daprj.runtime.pubsub;

import io.daprj.runtime.resources.ResourceLoader;
import java.nio.file.Path;
import java.util.List;

/** The declarative {@code Subscription} resources (v1alpha1 and v2alpha1) of the {@code --resources-path} folders. */
public final class SubscriptionResources {

    private SubscriptionResources() {}

    /** @throws io.daprj.runtime.resources.ResourceException for a subscription that cannot be used */
    public static List<SubscriptionSpec> load(List<Path> folders) {
        return SubscriptionParser.declarative(new ResourceLoader(folders));
    }
}
