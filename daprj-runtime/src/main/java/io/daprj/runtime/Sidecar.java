package io.daprj.runtime;

import com.linecorp.armeria.common.SessionProtocol;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.daprj.runtime.components.ComponentInitializer;
import io.daprj.runtime.components.ComponentRegistry;
import io.daprj.runtime.components.ComponentStore;
import io.daprj.runtime.concurrent.VirtualThreads;
import io.daprj.runtime.grpc.DaprGrpcService;
import io.daprj.runtime.health.AppHealthProbe;
import io.daprj.runtime.health.HealthApi;
import io.daprj.runtime.http.HttpApiServer;
import io.daprj.runtime.invoke.AppChannel;
import io.daprj.runtime.invoke.GrpcAppChannel;
import io.daprj.runtime.invoke.GrpcProxyService;
import io.daprj.runtime.invoke.HttpAppChannel;
import io.daprj.runtime.invoke.InternalInvokeClient;
import io.daprj.runtime.invoke.InternalInvokeService;
import io.daprj.runtime.invoke.InvokeApi;
import io.daprj.runtime.metadata.MetadataApi;
import io.daprj.runtime.metrics.DaprMetrics;
import io.daprj.runtime.metrics.MetricsService;
import io.daprj.runtime.metrics.ServerMetricsDecorators;
import io.daprj.runtime.middleware.HttpPipelineDecorator;
import io.daprj.runtime.middleware.MiddlewarePipeline;
import io.daprj.runtime.pubsub.ActiveSubscriptions;
import io.daprj.runtime.pubsub.PubSubApi;
import io.daprj.runtime.pubsub.SubscriptionResources;
import io.daprj.runtime.resiliency.Resiliency;
import io.daprj.runtime.resiliency.ResiliencyPolicies;
import io.daprj.runtime.resources.ComponentSpec;
import io.daprj.runtime.resources.ConfigurationSpec;
import io.daprj.runtime.resources.EmbeddedDefaults;
import io.daprj.runtime.resources.ResourceLoader;
import io.daprj.runtime.secrets.SecretsApi;
import io.daprj.runtime.security.ApiAccess;
import io.daprj.runtime.security.ApiAccessDecorator;
import io.daprj.runtime.security.ApiTokenDecorator;
import io.daprj.runtime.state.StateApi;
import io.daprj.runtime.tracing.Tracing;
import io.daprj.spi.nameresolution.Instance;
import io.daprj.spi.nameresolution.NameResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sidecar, and the wiring hub that builds one: resources → components → building-block APIs → the HTTP,
 * gRPC and internal gRPC servers. Start one with {@link #start}; it serves until {@link #close} or until the API asks
 * it to shut down ({@link #shutdownRequested()} completes).
 */
public final class Sidecar implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sidecar.class);

    static {
        // JDK TLS is enough for the sidecar; probing netty-tcnative costs seconds of start-up
        System.getProperties().putIfAbsent("com.linecorp.armeria.useOpenSsl", "false");
    }

    private final DaprdOptions options;
    private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final VirtualThreads executor = new VirtualThreads();
    private Server httpServer;
    private Server grpcServer;
    private Server internalServer;
    private Server metricsServer;
    private DaprMetrics metrics = DaprMetrics.disabled();
    private Optional<NameResolver> nameResolver = Optional.empty();
    private volatile boolean closed;
    private Runnable onAppReady = () -> {};

    private Sidecar(DaprdOptions options) {
        this.options = options;
    }

    /** Loads resources, initialises components and opens the API ports; on failure nothing stays open. */
    public static Sidecar start(DaprdOptions options) throws Exception {
        options.validate();
        Sidecar sidecar = new Sidecar(options);
        try {
            sidecar.boot();
            return sidecar;
        } catch (Exception | Error e) {
            sidecar.close();
            throw e;
        }
    }

    private void boot() {
        long started = System.nanoTime();
        String appId = options.appId;
        String namespace = options.env("NAMESPACE").orElse("");
        ComponentRegistry registry = ComponentRegistry.fromClassPath();
        ComponentStore components = new ComponentStore();
        resources.add(components);
        List<ComponentSpec> specs = options.resourcesPaths.isEmpty()
                ? EmbeddedDefaults.components()
                : new ResourceLoader(options.resourcesPaths).components();
        ConfigurationSpec config = ConfigurationSpec.load(options.config);
        Tracing tracing = Tracing.create(ConfigurationSpec.tracingSpec(options.config, options::env), appId);
        resources.add(tracing);
        if (options.enableMetrics) {
            metrics = DaprMetrics.create(appId, namespace, ConfigurationSpec.metricSpec(options.config));
            resources.add(metrics);
        }
        Resiliency resiliency = options.resourcesPaths.isEmpty() ? Resiliency.NONE : new Resiliency(ResiliencyPolicies.of(
                new ResourceLoader(options.resourcesPaths).documents("Resiliency").stream()
                        .map(ResourceLoader.Document::node).toList(), appId), metrics);
        components.resiliency(resiliency);
        components.metrics(metrics);
        new ComponentInitializer(registry, appId, namespace, metrics).initAll(specs, components);
        nameResolver = NameResolution.create(registry, config, appId, namespace);
        nameResolver.ifPresent(resources::add);

        long maxBody = options.maxBodySizeBytes();
        MiddlewarePipeline apiPipeline = MiddlewarePipeline.build(
                ConfigurationSpec.pipeline(options.config, "httpPipeline"), components, "httpPipeline");
        MiddlewarePipeline appPipeline = MiddlewarePipeline.build(
                ConfigurationSpec.pipeline(options.config, "appHttpPipeline"), components, "appHttpPipeline");
        Optional<AppChannel> appChannel = options.appPortValue().map(port -> "grpc".equals(options.appProtocol)
                ? new GrpcAppChannel(options.appChannelAddress, port, options.appMaxConcurrency, maxBody, options.env("APP_API_TOKEN"),
                        metrics)
                : new HttpAppChannel(options.appChannelAddress, port, options.appMaxConcurrency, maxBody, options.env("APP_API_TOKEN"), appPipeline,
                        metrics));
        appChannel.ifPresent(resources::add);
        BooleanSupplier appHealthy = appHealthProbe().orElse(() -> true);

        HealthApi health = new HealthApi(appId, appChannel.isPresent());
        InternalInvokeClient internalClient = new InternalInvokeClient(appId, namespace, maxBody);
        resources.add(internalClient);
        InvokeApi invoke = new InvokeApi(appId, namespace, appChannel, appHealthy, nameResolver, internalClient, metrics,
                resiliency, tracing);
        PubSubApi pubsub = new PubSubApi(components, appId, tracing);
        pubsub.appHealth(appHealthy);
        ActiveSubscriptions subscriptions = new ActiveSubscriptions(pubsub, appId, options.resourcesPaths.isEmpty()
                ? List.of() : SubscriptionResources.load(options.resourcesPaths));
        resources.add(subscriptions);
        MetadataApi metadata = new MetadataApi(options, components);
        metadata.subscriptions(subscriptions::list);
        io.daprj.runtime.bindings.BindingsApi bindings = new io.daprj.runtime.bindings.BindingsApi(components);
        io.daprj.runtime.bindings.InputBindings inputBindings = new io.daprj.runtime.bindings.InputBindings(components, bindings);
        inputBindings.appHealth(appHealthy);
        resources.add(inputBindings);
        io.daprj.runtime.configuration.ConfigurationApi configuration =
                new io.daprj.runtime.configuration.ConfigurationApi(components, appChannel);
        // configuration streams complete before the servers stop, or they would hold the graceful shutdown
        shutdownRequested.thenRun(configuration::close);
        io.daprj.runtime.jobs.JobScheduler jobScheduler = new io.daprj.runtime.jobs.JobScheduler(
                new io.daprj.runtime.jobs.SqliteJobStore(options.env("DAPRJ_HOME").map(java.nio.file.Path::of)
                        .orElseGet(DaprjHome::dir).resolve("jobs.db"), namespace, appId));
        resources.add(jobScheduler);
        Apis apis = new Apis(new StateApi(components, appId, namespace, metrics), new SecretsApi(components, config.secretScopes()), invoke, metadata,
                health, this::requestShutdown, pubsub, new io.daprj.runtime.lock.LockApi(components, appId),
                bindings, configuration, new io.daprj.runtime.crypto.CryptoApi(components),
                new io.daprj.runtime.jobs.JobsApi(jobScheduler));
        // subscriptions start once the app listens, like daprd's
        onAppReady = () -> Thread.ofVirtual().name("pubsub-subscribe").start(() -> {
            if ("grpc".equals(options.appProtocol)) {
                subscriptions.startGrpc(options.appChannelAddress, options.appPortValue().orElseThrow(),
                        options.appMaxConcurrency);
            } else {
                appChannel.ifPresent(subscriptions::startHttp);
            }
        });
        Runnable startSubscriptions = onAppReady;
        // input bindings too start once the app listens, as in daprd
        onAppReady = () -> {
            startSubscriptions.run();
            Thread.ofVirtual().name("bindings-read").start(() -> {
                if ("grpc".equals(options.appProtocol)) {
                    inputBindings.startGrpc(options.appChannelAddress, options.appPortValue().orElseThrow(),
                            options.appMaxConcurrency);
                } else {
                    appChannel.ifPresent(inputBindings::startHttp);
                }
            });
            // jobs too fire only into a ready app
            if ("grpc".equals(options.appProtocol)) {
                jobScheduler.startGrpc(options.appChannelAddress, options.appPortValue().orElseThrow());
            } else {
                appChannel.ifPresent(jobScheduler::startHttp);
            }
        };

        Optional<String> apiToken = options.env("DAPR_API_TOKEN");
        ApiAccess apiAccess = ConfigurationSpec.apiAccess(options.config);
        httpServer = server(s -> {
            apiToken.ifPresent(t -> s.decorator(ApiTokenDecorator.http(t)));
            if (!apiPipeline.isEmpty()) {
                s.decorator(new HttpPipelineDecorator(apiPipeline));
            }
            s.decorator(ServerMetricsDecorators.http(metrics));
            HttpApiServer.create(apis, executor, appId, options.enableApiLogging, apiAccess, tracing)
                    .bind(s, options.daprHttpPort, options.listenAddresses(), maxBody);
        });
        Optional<String> grpcApp = "grpc".equals(options.appProtocol)
                ? options.appPortValue().map(p -> options.appChannelAddress + ":" + p)
                : Optional.empty();
        grpcServer = server(s -> {
            bindPorts(s, options.daprGrpcPort, options.listenAddresses());
            apiToken.ifPresent(t -> s.decorator(ApiTokenDecorator.grpc(t)));
            if (apiAccess.restricts()) {
                s.decorator(new ApiAccessDecorator(apiAccess));
            }
            s.decorator(ServerMetricsDecorators.grpc(metrics));
            s.service(grpc(new DaprGrpcService(apis, appId, tracing), maxBody));
            s.serviceUnder("/", new GrpcProxyService(appId, grpcApp, nameResolver, false));
        });
        internalServer = server(s -> {
            s.port(options.internalGrpcPortValue().orElse(0), SessionProtocol.HTTP);
            s.decorator(ServerMetricsDecorators.grpc(metrics));
            s.service(grpc(new InternalInvokeService(invoke, appId), maxBody));
            s.serviceUnder("/", new GrpcProxyService(appId, grpcApp, Optional.empty(), true));
        });
        startMetricsServer();
        nameResolver.ifPresent(r -> r.register(new Instance(appId, namespace, "127.0.0.1", internalGrpcPort())));
        health.outboundReady();
        appChannel.ifPresent(channel -> waitForApp(channel, health));
        log.info("dapr initialized. Status: Running. Init Elapsed {}ms (HTTP {}, gRPC {}, internal gRPC {})",
                (System.nanoTime() - started) / 1_000_000, httpPort(), grpcPort(), internalGrpcPort());
    }

    /** {@code /metrics} on {@code --metrics-port}; a port in use only costs the metrics, as sidecars share machines. */
    private void startMetricsServer() {
        if (!metrics.enabled()) {
            return;
        }
        try {
            metricsServer = server(s -> {
                s.port(options.metricsPort, SessionProtocol.HTTP);
                MetricsService.bind(s, metrics);
            });
        } catch (java.util.concurrent.CompletionException e) {
            log.error("metrics server could not listen on port {}, metrics are not served: {}", options.metricsPort,
                    String.valueOf(e.getCause()));
        }
    }

    private Optional<BooleanSupplier> appHealthProbe() {
        if (!options.enableAppHealthCheck || options.appPortValue().isEmpty()) {
            return Optional.empty();
        }
        String base = "http://" + options.appChannelAddress + ":" + options.appPortValue().get();
        AppHealthProbe probe = "grpc".equals(options.appProtocol)
                ? AppHealthProbe.grpc(base, options.appHealthProbeTimeoutValue(), options.appHealthThreshold,
                        options.appHealthProbeIntervalValue())
                : AppHealthProbe.http(base, options.appHealthCheckPath, options.appHealthProbeTimeoutValue(),
                        options.appHealthThreshold, options.appHealthProbeIntervalValue());
        resources.add(probe);
        return Optional.of(probe);
    }

    /** Like daprd, the sidecar reports ready only once the app listens on its port. */
    private void waitForApp(AppChannel channel, HealthApi health) {
        Thread.ofVirtual().name("wait-for-app").start(() -> {
            while (!closed && !channel.reachable()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!closed) {
                log.info("application discovered on port {}", options.appPort);
                health.appReady();
                onAppReady.run();
            }
        });
    }

    private GrpcService grpc(io.grpc.BindableService service, long maxBody) {
        return GrpcService.builder()
                .addService(service)
                // binary protobuf only: building JSON marshallers for every Dapr message costs seconds at start-up
                .supportedSerializationFormats(com.linecorp.armeria.common.grpc.GrpcSerializationFormats.PROTO)
                .useBlockingTaskExecutor(true)
                .maxRequestMessageLength((int) Math.min(Integer.MAX_VALUE, maxBody))
                .maxResponseMessageLength(Integer.MAX_VALUE)
                .build();
    }

    private Server server(java.util.function.Consumer<ServerBuilder> configure) {
        ServerBuilder sb = Server.builder()
                .blockingTaskExecutor(executor, false)
                .requestTimeout(Duration.ZERO)
                // gRPC limits each message itself (RESOURCE_EXHAUSTED) and proxied streams are unbounded
                .maxRequestLength(0)
                .gracefulShutdownTimeout(Duration.ZERO, Duration.ofSeconds(options.gracefulShutdownSeconds));
        configure.accept(sb);
        Server server = sb.build();
        server.start().join();
        return server;
    }

    private static void bindPorts(ServerBuilder sb, int port, List<String> addresses) {
        if (addresses.isEmpty()) {
            sb.port(port, SessionProtocol.HTTP);
        } else {
            addresses.forEach(a -> sb.port(new java.net.InetSocketAddress(a, port), SessionProtocol.HTTP));
        }
    }

    public String appId() {
        return options.appId;
    }

    public int httpPort() {
        return httpServer == null ? 0 : httpServer.activeLocalPort();
    }

    public int grpcPort() {
        return grpcServer == null ? 0 : grpcServer.activeLocalPort();
    }

    public int internalGrpcPort() {
        return internalServer == null ? 0 : internalServer.activeLocalPort();
    }

    /** The port serving {@code /metrics}, or 0 when metrics are off. */
    public int metricsPort() {
        return metricsServer == null ? 0 : metricsServer.activeLocalPort();
    }

    /** Completes when {@code POST /v1.0/shutdown} or gRPC {@code Shutdown} was called, or {@link #close} began. */
    public CompletableFuture<Void> shutdownRequested() {
        return shutdownRequested;
    }

    private void requestShutdown() {
        log.info("shutdown requested through the API");
        // the answer to the shutdown call must leave before the servers stop taking requests
        CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> shutdownRequested.complete(null));
    }

    /** Stops taking requests, waits up to the graceful shutdown period for in-flight ones, closes components. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownRequested.complete(null);
        nameResolver.ifPresent(r -> {
            try {
                r.unregister();
            } catch (RuntimeException e) {
                log.debug("unregistering from name resolution failed: {}", e.toString());
            }
        });
        // each Armeria server spends ~2 s releasing its acceptor threads, so stop them together
        CompletableFuture.allOf(java.util.stream.Stream.of(httpServer, grpcServer, internalServer, metricsServer)
                        .filter(java.util.Objects::nonNull)
                        .map(Server::stop)
                        .toArray(CompletableFuture[]::new))
                .join();
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        executor.shutdown();
        log.info("dapr shutdown complete");
    }
}
