/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates a watch log with the structure real video logs have, deterministically from a seed: items in
 * latent genres with Zipf-like popularity, users with one to three tastes and skewed activity, sessions
 * that mostly stay in one taste, occasional exploration, and items released during the period that can
 * only be watched after their release.
 */
public final class SyntheticGenerator {

    private static final String[] GENRE_NAMES = {
        "drama", "comedy", "thriller", "documentary", "animation", "sci-fi", "romance", "horror",
        "crime", "family", "fantasy", "action", "mystery", "music", "history", "sport",
        "war", "western", "reality", "kids", "anime", "biography", "adventure", "standup"
    };
    private static final String[] TITLE_WORDS = {
        "Silent", "Northern", "Lost", "Golden", "Broken", "Last", "Hidden", "Electric", "Wild", "Paper",
        "River", "Empire", "Garden", "Signal", "Harbor", "Winter", "Echo", "Orbit", "Stone", "Mirror"
    };
    private static final double STAY_IN_GENRE = 0.75;
    private static final double EXPLORE = 0.08;
    private static final int MEAN_SESSION_LENGTH = 5;

    private final SyntheticConfig config;

    public SyntheticGenerator(SyntheticConfig config) {
        this.config = config;
    }

    /** The catalog, the log ordered by time, and each user's true tastes. */
    public record Output(List<Item> items, WatchLog events, Map<Long, List<String>> userTastes) {}

    public Output generate() {
        SplittableRandom random = new SplittableRandom(config.seed());
        long start = config.startEpochSeconds();
        long end = start + config.days() * 86_400L;
        String[] genres = genreNames(config.genres());

        int n = config.items();
        int[] genreOf = new int[n];
        double[] weight = new double[n];
        long[] release = new long[n];
        int[] rank = permutation(n, random);
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            genreOf[i] = random.nextInt(genres.length);
            weight[i] = 1.0 / Math.pow(rank[i] + 1, config.popularityExponent());
            release[i] = random.nextDouble() < config.newItemShare()
                    ? start + (long) (random.nextDouble() * (end - start))
                    : start - (long) (random.nextDouble() * 5 * 365 * 86_400L);
            String title = TITLE_WORDS[random.nextInt(TITLE_WORDS.length)] + " "
                    + TITLE_WORDS[random.nextInt(TITLE_WORDS.length)] + " " + (i + 1);
            items.add(new Item(itemId(i), title, List.of(genres[genreOf[i]]), release[i]));
        }
        ReleasedSampler[] byGenre = new ReleasedSampler[genres.length];
        for (int g = 0; g < genres.length; g++) {
            final int genre = g;
            byGenre[g] = new ReleasedSampler(
                    java.util.stream.IntStream.range(0, n)
                            .filter(i -> genreOf[i] == genre)
                            .toArray(),
                    weight,
                    release);
        }
        ReleasedSampler anyItem =
                new ReleasedSampler(java.util.stream.IntStream.range(0, n).toArray(), weight, release);
        double[] genrePopularity = new double[genres.length];
        for (int g = 0; g < genres.length; g++) {
            genrePopularity[g] = 1.0 / Math.pow(g + 1, 0.7);
        }

        int u = config.users();
        int[] eventsPerUser = eventsPerUser(u, config.events(), random);
        long[] users = new long[config.events()];
        long[] watched = new long[config.events()];
        long[] times = new long[config.events()];
        float[] ratios = new float[config.events()];
        Map<Long, List<String>> tastes = new LinkedHashMap<>();
        int next = 0;
        for (int user = 0; user < u; user++) {
            int[] taste = tastesOf(genrePopularity, random);
            double[] tasteWeight = new double[taste.length];
            for (int k = 0; k < taste.length; k++) {
                tasteWeight[k] = 0.2 + random.nextDouble();
            }
            List<String> tasteNames = new ArrayList<>();
            for (int g : taste) {
                tasteNames.add(genres[g]);
            }
            tastes.put((long) user + 1, List.copyOf(tasteNames));

            long joined = start + (long) (random.nextDouble() * (end - start) * 0.5);
            int remaining = eventsPerUser[user];
            int lastItem = -1;
            while (remaining > 0) {
                long t = joined + (long) (random.nextDouble() * (end - joined));
                int genre = taste[pick(tasteWeight, random)];
                int sessionLength = Math.min(remaining, 1 + random.nextInt(2 * MEAN_SESSION_LENGTH - 1));
                for (int s = 0; s < sessionLength; s++) {
                    boolean explore = random.nextDouble() < EXPLORE;
                    int g = explore ? pick(genrePopularity, random) : genre;
                    int item = byGenre[g].sample(t, random);
                    if (item < 0 || item == lastItem) {
                        item = anyItem.sample(t, random);
                    }
                    if (item < 0) {
                        item = anyItem.earliest();
                        t = Math.max(t, release[item]);
                    }
                    users[next] = user + 1;
                    watched[next] = itemId(item);
                    times[next] = t;
                    ratios[next] =
                            (float) (explore ? 0.1 + 0.5 * random.nextDouble() : 0.55 + 0.45 * random.nextDouble());
                    next++;
                    lastItem = item;
                    t += 120 + random.nextInt(2_400);
                    if (!explore && random.nextDouble() > STAY_IN_GENRE) {
                        genre = taste[pick(tasteWeight, random)];
                    }
                }
                remaining -= sessionLength;
            }
        }
        return new Output(List.copyOf(items), WatchLog.sorted(users, watched, times, ratios), tastes);
    }

    /** Writes the generated dataset as a content-addressed version under {@code parent}. */
    public Dataset writeTo(java.nio.file.Path parent) throws java.io.IOException {
        Output output = generate();
        return DatasetWriter.write(
                parent, output.events(), output.items(), Optional.of(output.userTastes()), describe());
    }

    String describe() {
        return "synthetic users=" + config.users() + " items=" + config.items() + " events=" + config.events()
                + " genres="
                + config.genres() + " seed=" + config.seed() + " zipf=" + config.popularityExponent() + " newItems="
                + config.newItemShare() + " start=" + config.startEpochSeconds() + " days=" + config.days();
    }

    /** Item ids start at 1: 0 is the tower's padding value. */
    static long itemId(int index) {
        return index + 1L;
    }

    private static String[] genreNames(int count) {
        String[] names = new String[count];
        for (int g = 0; g < count; g++) {
            names[g] = g < GENRE_NAMES.length ? GENRE_NAMES[g] : "genre-" + (g + 1);
        }
        return names;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** Log-normal activity, at least one event each, summing exactly to the requested total. */
    private static int[] eventsPerUser(int users, int total, SplittableRandom random) {
        double[] activity = new double[users];
        double sum = 0;
        for (int i = 0; i < users; i++) {
            activity[i] = Math.exp(gaussian(random));
            sum += activity[i];
        }
        int[] counts = new int[users];
        long assigned = 0;
        int spare = total - users;
        for (int i = 0; i < users; i++) {
            counts[i] = 1 + (int) Math.floor(spare * activity[i] / sum);
            assigned += counts[i];
        }
        double[] cumulative = cumulative(activity);
        while (assigned < total) {
            counts[search(cumulative, random.nextDouble() * cumulative[users - 1])]++;
            assigned++;
        }
        return counts;
    }

    private static int[] tastesOf(double[] genrePopularity, SplittableRandom random) {
        double r = random.nextDouble();
        int count = Math.min(genrePopularity.length, r < 0.5 ? 1 : r < 0.8 ? 2 : 3);
        int[] taste = new int[count];
        for (int k = 0; k < count; k++) {
            int g;
            boolean repeated;
            do {
                g = pick(genrePopularity, random);
                repeated = false;
                for (int j = 0; j < k; j++) {
                    repeated |= taste[j] == g;
                }
            } while (repeated);
            taste[k] = g;
        }
        return taste;
    }

    private static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    /** First index whose cumulative weight exceeds x. */
    static int search(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }

    /**
     * Samples items by popularity among those already released at a time: items sorted by release time,
     * so the released ones are a prefix and sampling is a binary search in its cumulative weights.
     */
    private static final class ReleasedSampler {
        private final int[] items;
        private final long[] releases;
        private final double[] cumulative;

        ReleasedSampler(int[] members, double[] weight, long[] release) {
            Integer[] boxed = Arrays.stream(members).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    boxed,
                    (a, b) -> a.equals(b)
                            ? 0
                            : release[a] != release[b] ? Long.compare(release[a], release[b]) : Integer.compare(a, b));
            items = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
            releases = Arrays.stream(items).mapToLong(i -> release[i]).toArray();
            double[] w = Arrays.stream(items).mapToDouble(i -> weight[i]).toArray();
            cumulative = cumulative(w);
        }

        /** An item released by {@code time}, by popularity; -1 when none is. */
        int sample(long time, SplittableRandom random) {
            int released = upperBound(releases, time);
            if (released == 0) {
                return -1;
            }
            double x = random.nextDouble() * cumulative[released - 1];
            int i = Arrays.binarySearch(cumulative, 0, released, x);
            return items[Math.min(i >= 0 ? i + 1 : -i - 1, released - 1)];
        }

        int earliest() {
            return items[0];
        }

        private static int upperBound(long[] sorted, long value) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
