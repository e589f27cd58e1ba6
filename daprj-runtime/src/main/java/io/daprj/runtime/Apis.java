package io.daprj.runtime;

import io.daprj.runtime.health.HealthApi;
import io.daprj.runtime.invoke.InvokeApi;
import io.daprj.runtime.metadata.MetadataApi;
import io.daprj.runtime.pubsub.PubSubApi;
import io.daprj.runtime.secrets.SecretsApi;
import io.daprj.runtime.state.StateApi;

/** The building-block APIs both doors serve, and the action behind {@code POST /v1.0/shutdown}. */
public record Apis(
        StateApi state, SecretsApi secrets, InvokeApi invoke, MetadataApi metadata, HealthApi health, Runnable shutdown,
        PubSubApi pubsub, io.daprj.runtime.lock.LockApi lock,
        io.daprj.runtime.bindings.BindingsApi bindings,
        io.daprj.runtime.configuration.ConfigurationApi configuration, io.daprj.runtime.crypto.CryptoApi crypto,
        io.daprj.runtime.jobs.JobsApi jobs) {}
