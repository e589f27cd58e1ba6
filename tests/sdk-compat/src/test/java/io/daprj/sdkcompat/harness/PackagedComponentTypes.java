package io.daprj.sdkcompat.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The component types ({@code pubsub.redis}, …) the packaged sidecar can load: the {@code ComponentProvider}s that
 * {@code ServiceLoader} finds in {@code lib/*.jar} of the distribution, read in a class loader of their own (nothing
 * of the sidecar joins the test's class path). Lets a test skip, with the reason, a component not merged yet.
 */
public final class PackagedComponentTypes {

    private static final String PROVIDER = "io.daprj.spi.ComponentProvider";
    private static Set<String> types;

    private PackagedComponentTypes() {}

    /** Every type and alias the distribution registers, lower case. */
    public static synchronized Set<String> all() {
        if (types == null) {
            types = Set.copyOf(load(DaprDistribution.home().resolve("lib")));
        }
        return types;
    }

    public static boolean contains(String type) {
        return all().contains(type);
    }

    private static Set<String> load(Path lib) {
        List<URL> jars;
        try (var files = Files.list(lib)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).map(PackagedComponentTypes::url).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), platform)) {
            Class<?> provider = Class.forName(PROVIDER, false, loader);
            Method type = provider.getMethod("type");
            Method aliases = provider.getMethod("aliases");
            Set<String> found = new TreeSet<>();
            for (Object p : ServiceLoader.load(provider, loader)) {
                found.add((String) type.invoke(p));
                ((List<?>) aliases.invoke(p)).forEach(alias -> found.add((String) alias));
            }
            return found;
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot read the component providers in " + lib + ": " + e, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jar: " + jar, e);
        }
    }
}
