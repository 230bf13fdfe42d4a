/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;

/**
 * The real Redis server answers Jedis the way i2i export will use it: versioned keys written, then a
 * pointer switched in one transaction.
 */
@LocalPlatformTest
class RedisRoundTripIT {

    @Test
    void versionedNeighboursAndAtomicPointerSwitch(LocalPlatform platform) {
        String prefix = "it:" + UUID.randomUUID();
        try (RedisClient redis = RedisClient.create(platform.redisUrl())) {
            redis.hset(prefix + ":v1:i2i", Map.of("item-7", "item-9,item-3", "item-9", "item-7"));
            redis.set(prefix + ":current", "v1");
            redis.hset(prefix + ":v2:i2i", Map.of("item-7", "item-3,item-5"));

            try (AbstractTransaction tx = redis.multi()) {
                tx.set(prefix + ":current", "v2");
                tx.expire(prefix + ":v1:i2i", 60);
                List<Object> results = tx.exec();
                assertThat(results).containsExactly("OK", 1L);
            }

            String current = redis.get(prefix + ":current");
            assertThat(current).isEqualTo("v2");
            assertThat(redis.hget(prefix + ":" + current + ":i2i", "item-7")).isEqualTo("item-3,item-5");
            assertThat(redis.ttl(prefix + ":v1:i2i")).isBetween(1L, 60L);
            redis.del(prefix + ":current", prefix + ":v1:i2i", prefix + ":v2:i2i");
        }
    }
}
