package io.daprj.components.core.bindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.daprj.conformance.bindings.BindingConformance;
import io.daprj.spi.ComponentMetadata;
import io.daprj.spi.bindings.Binding;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CronBindingConformanceTest extends BindingConformance {

    @Override
    protected Binding newBinding() {
        CronBinding cron = new CronBinding();
        cron.init(ComponentMetadata.of("cron", "bindings.cron", Map.of("schedule", "@every 1s")));
        return cron;
    }

    @Override
    protected Set<String> testedOperations() {
        return Set.of("read");
    }

    @Override
    protected Duration readTimeout() {
        return Duration.ofSeconds(4);
    }

    @Test
    void sixFieldsCountSecondsAndFiveFieldsStartAtSecondZero() {
        Instant t = Instant.parse("2026-01-05T10:00:07Z"); // a Monday
        assertThat(CronSchedule.parse("TZ=UTC */15 * * * * *").next(t)).isEqualTo(Instant.parse("2026-01-05T10:00:15Z"));
        assertThat(CronSchedule.parse("TZ=UTC 30 * * * *").next(t)).isEqualTo(Instant.parse("2026-01-05T10:30:00Z"));
        assertThat(CronSchedule.parse("TZ=UTC 0 30 9 * * MON-FRI").next(t)).isEqualTo(Instant.parse("2026-01-06T09:30:00Z"));
        assertThat(CronSchedule.parse("CRON_TZ=UTC 0 0 12 * * 0").next(t)).isEqualTo(Instant.parse("2026-01-11T12:00:00Z"));
    }

    @Test
    void everyAndMacrosFollowRobfigCron() {
        Instant t = Instant.parse("2026-01-05T10:00:07.400Z");
        assertThat(CronSchedule.parse("@every 15m").next(t)).isEqualTo(Instant.parse("2026-01-05T10:15:07Z"));
        assertThat(CronSchedule.parse("@every 100ms").next(t)).isEqualTo(Instant.parse("2026-01-05T10:00:08Z"));
        assertThat(CronSchedule.parse("TZ=UTC @hourly").next(t)).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
        assertThat(CronSchedule.parse("TZ=UTC @daily").next(t)).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
        assertThat(CronSchedule.parse("TZ=UTC @weekly").next(t)).isEqualTo(Instant.parse("2026-01-11T00:00:00Z"));
        assertThat(CronSchedule.parse("TZ=UTC @monthly").next(t)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(CronSchedule.parse("TZ=UTC @yearly").next(t)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void badSchedulesFailInitNamingTheSchedule() {
        for (String bad : new String[] {"* * *", "@every soon", "@fortnightly", "61 * * * * *", "TZ=Nowhere/Zone * * * * *"}) {
            assertThatThrownBy(() -> new CronBinding().init(ComponentMetadata.of("c", "bindings.cron", Map.of("schedule", bad))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> new CronBinding().init(ComponentMetadata.of("c", "bindings.cron", Map.of())))
                .hasMessageContaining("schedule");
    }

    @Test
    void readTimeIsWrittenAsGoPrintsUtcTimes() {
        assertThat(CronBinding.readTime(Instant.parse("2026-11-27T11:51:20.123400Z"))).isEqualTo("2026-11-27 11:51:20.1234 +0000 UTC");
        assertThat(CronBinding.readTime(Instant.parse("2026-11-27T11:51:20Z"))).isEqualTo("2026-11-27 11:51:20 +0000 UTC");
    }
}
