/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * hnswlib's row: the Python script {@code benchmarks/src/main/python/hnswlib_bench.py} run as a subprocess on
 * the dataset's files, in the same run and so on the same machine state as the Java indexes.
 *
 * @param python the interpreter that has hnswlib (Debian's python3-hnswlib lives in /usr/bin/python3)
 * @param script the script's path
 */
record HnswlibRunner(String python, Path script) {

    IndexResult measure(Dataset data, int m, int efConstruction, int threads, int[] efs)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                python,
                script.toString(),
                "--items",
                data.itemsFile().toString(),
                "--queries",
                data.queriesFile().toString(),
                "--truth",
                data.truthFile().toString(),
                "--m",
                String.valueOf(m),
                "--ef-construction",
                String.valueOf(efConstruction),
                "--threads",
                String.valueOf(threads),
                "--ef",
                Arrays.stream(efs).mapToObj(String::valueOf).collect(Collectors.joining(",")));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        double buildSeconds = Double.NaN;
        double buildCpuSeconds = Double.NaN;
        long bytes = -1;
        List<SweepPoint> points = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                switch (f[0]) {
                    case "build_seconds" -> buildSeconds = Double.parseDouble(f[1]);
                    case "build_cpu_seconds" -> buildCpuSeconds = Double.parseDouble(f[1]);
                    case "index_bytes" -> bytes = Long.parseLong(f[1]);
                    case "sweep" ->
                        points.add(new SweepPoint(
                                Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
                    default -> System.err.println("hnswlib: " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("the hnswlib script exited with " + exit + ": " + String.join(" ", command));
        }
        return new IndexResult(
                "hnswlib ip M=" + m + " efC=" + efConstruction,
                buildSeconds,
                buildCpuSeconds,
                bytes,
                new Sweep(points));
    }
}
