package io.daprj.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time forms of {@code dueTime}/{@code ttl} and the schedule forms Dapr's scheduler accepts. */
class JobTimesTest {

    private static final Instant CREATED = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void dueTimeReadsRfc3339GoAndIso8601Durations() {
        assertThat(JobTimes.at("2026-02-01T00:00:00+01:00", CREATED)).isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(JobTimes.at("1h30m", CREATED)).isEqualTo(Instant.parse("2026-01-31T11:30:00Z"));
        assertThat(JobTimes.at("PT10S", CREATED)).isEqualTo(Instant.parse("2026-01-31T10:00:10Z"));
        assertThat(JobTimes.at("P1M", CREATED)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(JobTimes.at("P1W1DT1H", CREATED)).isEqualTo(Instant.parse("2026-02-08T11:00:00Z"));
        assertThatThrownBy(() -> JobTimes.at("tomorrow", CREATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobTimes.at("P", CREATED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scheduleReadsSixFieldCronEveryAndDescriptors() {
        assertThat(JobSchedule.parse("*/15 * * * * *").next(CREATED)).isEqualTo(Instant.parse("2026-01-31T10:00:15Z"));
        assertThat(JobSchedule.parse("@every 1m30s").next(CREATED)).isEqualTo(Instant.parse("2026-01-31T10:01:30Z"));
        assertThat(JobSchedule.parse("@daily").next(CREATED)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(JobSchedule.parse("@monthly").next(CREATED)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(JobSchedule.parse("@hourly").next(CREATED)).isEqualTo(Instant.parse("2026-01-31T11:00:00Z"));
        assertThatThrownBy(() -> JobSchedule.parse("* * * * *")).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> JobSchedule.parse("@every 0s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobSchedule.parse("61 * * * * *")).isInstanceOf(IllegalArgumentException.class);
    }
}
