/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recindex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildSummaryTest {

    @Test
    void successLineGivesTheFiguresStatusRecords() {
        String upload = "mlflow-artifacts:/1/r/artifacts/tandem-indexes/recs/i-0123456789abcdef";

        BuildSummary summary = BuildSummary.parse(Fixtures.summary("3", upload) + "\n");

        assertThat(summary)
                .isEqualTo(new BuildSummary.Built(
                        "youtube-dnn", "3", 5000, 16, 3.25, 1000, 0.9734, Fixtures.VECTORS_SHA, upload));
    }

    @Test
    void successWithoutUploadHasNoUpload() {
        assertThat(BuildSummary.parse(Fixtures.summary("3", null)))
                .isInstanceOfSatisfying(
                        BuildSummary.Built.class, b -> assertThat(b.upload()).isNull());
    }

    @Test
    void failureLineGivesItsReasonAndError() {
        BuildSummary summary =
                BuildSummary.parse("{\"error\":\"bundle models:/m/9 not found\",\"reason\":\"BundleNotFound\"}");

        assertThat(summary).isEqualTo(new BuildSummary.Failed("BundleNotFound", "bundle models:/m/9 not found"));
    }

    @Test
    void failureWithAReasonThatIsNotOneWordBecomesBuildFailed() {
        assertThat(BuildSummary.parse("{\"error\":\"boom\",\"reason\":\"out of memory!\"}"))
                .isEqualTo(new BuildSummary.Failed("BuildFailed", "boom"));
        assertThat(BuildSummary.parse("{\"error\":\"boom\"}"))
                .isEqualTo(new BuildSummary.Failed("BuildFailed", "boom"));
    }

    @Test
    void truncatedLineIsUnreadableAndKeepsTheText() {
        String cut = Fixtures.summary("3", null).substring(0, 120);

        assertThat(BuildSummary.parse(cut)).isInstanceOfSatisfying(BuildSummary.Unreadable.class, u -> {
            assertThat(u.why()).contains("not JSON");
            assertThat(u.text()).isEqualTo(cut);
        });
    }

    @Test
    void logTailOrGarbageIsUnreadable() {
        assertThat(BuildSummary.parse("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"))
                .isInstanceOf(BuildSummary.Unreadable.class);
        assertThat(BuildSummary.parse("[1, 2]"))
                .isInstanceOfSatisfying(
                        BuildSummary.Unreadable.class, u -> assertThat(u.why()).contains("not a JSON object"));
    }

    @Test
    void noMessageIsUnreadable() {
        assertThat(BuildSummary.parse(null)).isInstanceOf(BuildSummary.Unreadable.class);
        assertThat(BuildSummary.parse("  \n")).isInstanceOf(BuildSummary.Unreadable.class);
    }

    @Test
    void successLineWithoutTheFiguresIsUnreadable() {
        assertThat(BuildSummary.parse("{\"modelName\":\"m\",\"modelVersion\":\"3\"}"))
                .isInstanceOfSatisfying(
                        BuildSummary.Unreadable.class, u -> assertThat(u.why()).contains("items"));
    }
}
