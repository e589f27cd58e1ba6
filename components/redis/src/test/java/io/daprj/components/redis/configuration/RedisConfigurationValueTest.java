package io.daprj.components.redis.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.daprj.spi.configuration.ConfigurationItem;
import org.junit.jupiter.api.Test;

/** Dapr's {@code value||version} strings read the way its Redis configuration store reads them. */
class RedisConfigurationValueTest {

    @Test
    void valueAndVersionAreSplitAtTheSeparators() {
        assertThat(RedisConfigurationValue.parse("blue||3")).contains(ConfigurationItem.of("blue", "3"));
        assertThat(RedisConfigurationValue.parse("blue||3||extra")).contains(ConfigurationItem.of("blue", "3"));
        assertThat(RedisConfigurationValue.parse("blue||")).contains(ConfigurationItem.of("blue", ""));
    }

    @Test
    void aValueWithoutSeparatorHasNoVersion() {
        assertThat(RedisConfigurationValue.parse("just a value|with a bar"))
                .contains(ConfigurationItem.of("just a value|with a bar", ""));
    }

    @Test
    void anEmptyValueOrAMissingKeyIsNoItem() {
        assertThat(RedisConfigurationValue.parse("||7")).isEmpty();
        assertThat(RedisConfigurationValue.parse("")).isEmpty();
        assertThat(RedisConfigurationValue.parse(null)).isEmpty();
    }

    @Test
    void formatIsTheInverseOfParse() {
        ConfigurationItem item = ConfigurationItem.of("v", "1.0.0");
        assertThat(RedisConfigurationValue.parse(RedisConfigurationValue.format(item))).contains(item);
    }
}
