/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.operator.mlflow.MlflowWebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MlflowWebhookSignatureTest {

    // Vectors computed with Python's hmac/hashlib/base64, the way mlflow/webhooks/delivery.py signs.
    private static final String PAYLOAD =
            "{\"entity\": \"model_version_alias\", \"action\": \"created\", \"data\": {\"name\": \"m\", \"alias\": \"champion\", \"version\": \"1\"}}";
    private static final String DELIVERY = "6f1c2a4e-0000-4000-8000-000000000001";
    private static final String TIMESTAMP = "1795392249";
    private static final String SIGNATURE = "v1,FSn+B2kY8aqKqqEs3S/D++K7uKHVmAZYYTeYDohyggw=";

    private final Clock now = Clock.fixed(Instant.ofEpochSecond(1795392249 + 10), ZoneOffset.UTC);
    private final MlflowWebhookSignature signatures =
            new MlflowWebhookSignature("another secret", Duration.ofMinutes(5), now);

    @Test
    void acceptsWhatMlflowSigned() {
        assertThat(signatures.verify(DELIVERY, TIMESTAMP, SIGNATURE, bytes(PAYLOAD)))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void signsLikeMlflow() {
        MlflowWebhookSignature other = new MlflowWebhookSignature("s3cret", Duration.ofMinutes(5), now);
        assertThat(other.sign("d1", "1700000000", bytes("{\"a\":1}")))
                .isEqualTo("v1,SLFgqHolX/RQ2jyq8jc9+JiWZJ/fRjgKCNB3zikCneY=");
    }

    @Test
    void rejectsATamperedBody() {
        String tampered = PAYLOAD.replace("\"version\": \"1\"", "\"version\": \"2\"");
        assertThat(signatures.verify(DELIVERY, TIMESTAMP, SIGNATURE, bytes(tampered)))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void rejectsAnotherDeliveryIdOrTimestamp() {
        assertThat(signatures.verify("another-id", TIMESTAMP, SIGNATURE, bytes(PAYLOAD)))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(signatures.verify(DELIVERY, "1795392250", SIGNATURE, bytes(PAYLOAD)))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void rejectsTheWrongSecret() {
        MlflowWebhookSignature wrong = new MlflowWebhookSignature("guess", Duration.ofMinutes(5), now);
        assertThat(wrong.verify(DELIVERY, TIMESTAMP, SIGNATURE, bytes(PAYLOAD))).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void rejectsAReplayOutsideTheTolerance() {
        Clock later = Clock.offset(now, Duration.ofMinutes(6));
        MlflowWebhookSignature checker = new MlflowWebhookSignature("another secret", Duration.ofMinutes(5), later);
        assertThat(checker.verify(DELIVERY, TIMESTAMP, SIGNATURE, bytes(PAYLOAD)))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void rejectsMissingHeadersAndUnknownVersions() {
        assertThat(signatures.verify(DELIVERY, TIMESTAMP, null, bytes(PAYLOAD))).isEqualTo(Verdict.MISSING_HEADER);
        assertThat(signatures.verify(DELIVERY, TIMESTAMP, SIGNATURE.replace("v1,", "v2,"), bytes(PAYLOAD)))
                .isEqualTo(Verdict.UNSUPPORTED_VERSION);
        assertThat(signatures.verify(DELIVERY, TIMESTAMP, "v1,not base64!", bytes(PAYLOAD)))
                .isEqualTo(Verdict.MISMATCH);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
