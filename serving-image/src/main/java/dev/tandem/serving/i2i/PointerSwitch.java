/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Jedis;

/**
 * Makes a fully written staging hash the current version in one Redis script, which runs atomically: it
 * checks that the pointer still names the version the caller read (another export may have switched in
 * between) and that the staging hash holds every item, then renames the staging hash to the version's key,
 * removes its TTL, points {@code current} at it and gives the previous version a TTL, so readers that read
 * the old pointer a moment ago can finish. Every key the script touches is passed in {@code KEYS}.
 */
final class PointerSwitch {

    // KEYS: staging hash, version hash, pointer, previous version's hash (the version hash when there is none)
    // ARGV: version, expected item count, previous version's TTL in seconds, pointer value the caller read
    private static final String SCRIPT = """
            local current = redis.call('GET', KEYS[3])
            if (current or '') ~= ARGV[4] then
              return 'MOVED'
            end
            local items = redis.call('HLEN', KEYS[1])
            if items ~= tonumber(ARGV[2]) then
              return redis.error_reply('I2I_INCOMPLETE ' .. KEYS[1] .. ' holds ' .. items .. ' items, '
                .. ARGV[2] .. ' expected')
            end
            redis.call('RENAME', KEYS[1], KEYS[2])
            redis.call('PERSIST', KEYS[2])
            redis.call('SET', KEYS[3], ARGV[1])
            if current and current ~= ARGV[1] then
              redis.call('EXPIRE', KEYS[4], ARGV[3])
            end
            return 'SWITCHED'
            """;

    private static final int ATTEMPTS = 3;

    private PointerSwitch() {}

    /**
     * @return the pointer's previous value, empty when there was none
     * @throws PointerMovedException when other exports keep moving the pointer
     */
    static Optional<String> run(
            Jedis redis, I2iKeys keys, String staging, long version, long items, long previousTtlSeconds) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String previous = redis.get(keys.pointer());
            String previousHash = previous == null ? keys.version(version) : keys.version(previous);
            Object outcome = redis.eval(
                    SCRIPT,
                    List.of(staging, keys.version(version), keys.pointer(), previousHash),
                    List.of(
                            Long.toString(version),
                            Long.toString(items),
                            Long.toString(previousTtlSeconds),
                            previous == null ? "" : previous));
            if ("SWITCHED".equals(text(outcome))) {
                return Optional.ofNullable(previous);
            }
        }
        throw new PointerMovedException(keys.pointer());
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }
}
