/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.mlflow;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an MLflow registry webhook delivery comes from the MLflow server that knows the shared
 * secret and was not altered or replayed.
 *
 * <p>MLflow signs {@code <delivery id>.<unix timestamp>.<body>} with HMAC-SHA256 and sends
 * {@code v1,<base64 digest>} in {@value #SIGNATURE_HEADER}, with the id and timestamp in
 * {@value #DELIVERY_ID_HEADER} and {@value #TIMESTAMP_HEADER}. Deliveries older (or newer) than the
 * tolerance are refused so a captured request cannot be replayed later.
 */
public final class MlflowWebhookSignature {

    public static final String SIGNATURE_HEADER = "X-MLflow-Signature";
    public static final String DELIVERY_ID_HEADER = "X-MLflow-Delivery-Id";
    public static final String TIMESTAMP_HEADER = "X-MLflow-Timestamp";

    /** Outcome of a check; only {@link #VALID} means the delivery may be acted on. */
    public enum Verdict {
        VALID,
        MISSING_HEADER,
        UNSUPPORTED_VERSION,
        MISMATCH,
        STALE
    }

    private static final String VERSION_PREFIX = "v1,";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secret the webhook secret given to MLflow when the webhook was created
     * @param tolerance how far the delivery timestamp may be from now
     * @param clock the clock deliveries are judged by
     */
    public MlflowWebhookSignature(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an MLflow webhook secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Checks one delivery.
     *
     * @param deliveryId value of {@value #DELIVERY_ID_HEADER}
     * @param timestamp value of {@value #TIMESTAMP_HEADER} (unix seconds)
     * @param signature value of {@value #SIGNATURE_HEADER}
     * @param body the request body exactly as received
     */
    public Verdict verify(String deliveryId, String timestamp, String signature, byte[] body) {
        if (deliveryId == null || timestamp == null || signature == null) {
            return Verdict.MISSING_HEADER;
        }
        if (!signature.startsWith(VERSION_PREFIX)) {
            return Verdict.UNSUPPORTED_VERSION;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.substring(VERSION_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Verdict.MISMATCH;
        }
        // Constant-time comparison: the time taken must not reveal how much of a forgery was right.
        if (!MessageDigest.isEqual(presented, digest(deliveryId, timestamp, body))) {
            return Verdict.MISMATCH;
        }
        return isFresh(timestamp) ? Verdict.VALID : Verdict.STALE;
    }

    /** The {@value #SIGNATURE_HEADER} value MLflow would send for this delivery. */
    public String sign(String deliveryId, String timestamp, byte[] body) {
        return VERSION_PREFIX + Base64.getEncoder().encodeToString(digest(deliveryId, timestamp, body));
    }

    private boolean isFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        return age.compareTo(tolerance) <= 0;
    }

    private byte[] digest(String deliveryId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((deliveryId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
