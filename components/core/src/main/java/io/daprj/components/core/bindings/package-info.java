/**
 * Bindings that need no server: {@link io.daprj.components.core.bindings.CronBinding} ({@code bindings.cron},
 * input, schedule parsed by {@link io.daprj.components.core.bindings.CronSchedule}),
 * {@link io.daprj.components.core.bindings.HttpOutputBinding} ({@code bindings.http}, output, every HTTP verb) and
 * {@link io.daprj.components.core.bindings.LocalStorageBinding} ({@code bindings.localstorage}, output, files under
 * a root folder). Providers: {@link io.daprj.components.core.bindings.BindingProviders}.
 */
package io.daprj.components.core.bindings;
