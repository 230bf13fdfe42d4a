/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsImporterTest {

    @TempDir
    Path dir;

    @Test
    void movieLens100kTabSeparatedWithoutHeader() throws Exception {
        Path data = Files.writeString(dir.resolve("u.data"), "196\t242\t3\t881250949\n186\t302\t5\t891717742\n");

        RatingsImporter.Parsed result = RatingsImporter.read(data, Optional.empty());

        WatchLog events = result.events();
        assertThat(result.ratings().imported()).isEqualTo(2);
        assertThat(result.ratings().malformedTotal()).isZero();
        assertThat(events.user(0)).isEqualTo(196);
        assertThat(events.item(0)).isEqualTo(242);
        assertThat(events.watchRatio(0)).isEqualTo(3f / 5f);
        assertThat(events.watchRatio(1)).isEqualTo(1f);
        assertThat(result.catalog()).extracting(Item::title).containsExactly("item 242", "item 302");
    }

    @Test
    void ratingsCsvWithHeaderAndMoviesCsvWithQuotedTitles() throws Exception {
        Path ratings = Files.writeString(
                dir.resolve("ratings.csv"),
                "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,1,5.0,964982224\n");
        Path movies = Files.writeString(
                dir.resolve("movies.csv"),
                "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation|Children\n"
                        + "3,\"American President, The (1995)\",Comedy|Drama|Romance\n");

        RatingsImporter.Parsed result = RatingsImporter.read(ratings, Optional.of(movies));

        assertThat(result.ratings().lines()).isEqualTo(3);
        assertThat(result.items())
                .hasValueSatisfying(r -> assertThat(r.imported()).isEqualTo(2));
        List<Item> items = result.catalog();
        assertThat(items).extracting(Item::title).containsExactly("Toy Story (1995)", "American President, The (1995)");
        assertThat(items.get(0).genres()).containsExactly("adventure", "animation", "children");
        assertThat(items.get(1).releaseEpochSeconds()).isEqualTo(788_918_400L);
        assertThat(result.events().watchRatio(0)).isEqualTo(0.8f);
    }

    @Test
    void movieLens1mDoubleColonFormat() throws Exception {
        Path data = Files.writeString(dir.resolve("ratings.dat"), "1::1193::5::978300760\n1::661::3::978302109\n");

        RatingsImporter.Parsed result = RatingsImporter.read(data, Optional.empty());

        assertThat(result.events().size()).isEqualTo(2);
        assertThat(result.events().item(0)).isEqualTo(1193);
    }

    @Test
    void malformedLinesAreCountedByReasonWithExamplesAndTheRestImported() throws Exception {
        Path data = Files.writeString(
                dir.resolve("u.data"),
                String.join(
                        "\n",
                        "1\t10\t4\t100",
                        "1\t11\t4",
                        "2\tabc\t3\t200",
                        "2\t0\t3\t200",
                        "3\t12\t-1\t300",
                        "3\t13\t5\t-4",
                        "",
                        "4\t14\t2\t400",
                        "5\t15\t1\t500\textra"));

        RatingsImporter.Parsed result = RatingsImporter.read(data, Optional.empty());

        RatingsImporter.Report report = result.ratings();
        assertThat(report.lines()).isEqualTo(8);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.malformedTotal()).isEqualTo(6);
        assertThat(report.malformed())
                .containsEntry("expected 4 fields, found 3", 1L)
                .containsEntry("expected 4 fields, found 5", 1L)
                .containsEntry("not a number", 1L)
                .containsEntry("item id must be positive (0 is the padding value)", 1L)
                .containsEntry("rating must be a non-negative number", 1L)
                .containsEntry("timestamp must not be negative", 1L);
        assertThat(report.examples()).hasSize(5).first().asString().startsWith("line 2 (expected 4 fields, found 3)");
        assertThat(result.events().size()).isEqualTo(2);
    }

    @Test
    void csvFieldsHandleQuotesAndDoubledQuotes() {
        assertThat(RatingsImporter.csvFields("1,\"Say \"\"Hi\"\", World\",Drama"))
                .containsExactly("1", "Say \"Hi\", World", "Drama");
    }
}
