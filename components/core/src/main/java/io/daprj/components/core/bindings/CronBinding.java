package io.daprj.components.core.bindings;

import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.BindingEvent;
import io.daprj.spi.bindings.BindingEventHandler;
import io.daprj.spi.bindings.InputBinding;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bindings.cron}: an input binding that fires on a {@link CronSchedule} with an empty payload and Dapr's
 * metadata {@code timeZone} and {@code readTimeUTC}. Each firing is handed over on its own virtual thread, so a
 * slow app does not shift the schedule; a refused firing is logged and not repeated (a schedule has nothing to
 * redeliver), as in Dapr.
 */
public final class CronBinding implements InputBinding {

    private static final Logger log = LoggerFactory.getLogger(CronBinding.class);
    /** Go's {@code time.Time.String()} for a UTC time. */
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");

    /** Dapr's metadata: {@code schedule}, required. */
    record Metadata(String schedule) {}

    private final List<Reading> readings = new CopyOnWriteArrayList<>();
    private String name = "";
    private CronSchedule schedule;

    @Override
    public void init(ComponentMetadata metadata) {
        name = metadata.name();
        schedule = CronSchedule.parse(metadata.bind(Metadata.class).schedule());
    }

    @Override
    public Reading read(BindingEventHandler handler) {
        Thread loop = Thread.ofVirtual().name("cron-" + name).unstarted(() -> fire(handler));
        Reading reading = loop::interrupt;
        readings.add(reading);
        loop.start();
        return reading;
    }

    private void fire(BindingEventHandler handler) {
        Instant next = schedule.next(Instant.now());
        while (!Thread.currentThread().isInterrupted() && !next.equals(Instant.MAX)) {
            try {
                Duration wait = Duration.between(Instant.now(), next);
                if (wait.isPositive()) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException e) {
                return;
            }
            Instant fired = next;
            next = schedule.next(fired);
            Thread.ofVirtual().name("cron-" + name + "-fire").start(() -> {
                try {
                    handler.handle(new BindingEvent(new byte[0], Map.of("timeZone", "Local",
                            "readTimeUTC", readTime(Instant.now()))));
                } catch (Exception e) {
                    log.debug("name: {}, the app did not take the firing of {}: {}", name, fired, e.getMessage());
                }
            });
        }
    }

    /** {@code 2026-11-27 11:51:20.123456789 +0000 UTC}, trailing zeros of the fraction dropped as Go does. */
    static String readTime(Instant t) {
        String s = GO_TIME.format(t.atOffset(ZoneOffset.UTC)).replaceAll("0+$", "");
        return (s.endsWith(".") ? s.substring(0, s.length() - 1) : s) + " +0000 UTC";
    }

    @Override
    public void close() {
        readings.forEach(Reading::close);
        readings.clear();
    }
}
