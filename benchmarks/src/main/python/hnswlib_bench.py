#!/usr/bin/env python3
# Copyright 2026 The Tandem Authors
# SPDX-License-Identifier: Apache-2.0
"""hnswlib's side of the ANN benchmark, run by AnnBenchmark on the very files Tandem indexes.

Builds an 'ip' index with the given M / efConstruction on the given threads, then for each ef runs every
query on one thread (one knn_query call for the batch, so Python's per-call overhead is not counted against
hnswlib) and prints machine-readable lines:

  build_seconds S      (wall clock)
  build_cpu_seconds S  (CPU of all build threads: the figure that holds up when the machine is shared)
  index_bytes B        (the serialized index: vectors and all levels' links)
  sweep EF RECALL QPS
"""
import argparse
import os
import tempfile
import time

import hnswlib
import numpy as np


def read_matrix(path, dtype):
    rows, cols = np.fromfile(path, dtype="<i4", count=2)
    return np.fromfile(path, dtype=dtype, offset=8).reshape(rows, cols)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--truth", required=True)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=200)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ef", default="10,20,40,80,160,320")
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()

    items = np.ascontiguousarray(read_matrix(args.items, "<f4"), dtype=np.float32)
    queries = np.ascontiguousarray(read_matrix(args.queries, "<f4"), dtype=np.float32)
    truth = read_matrix(args.truth, "<i4")

    index = hnswlib.Index(space="ip", dim=items.shape[1])
    start = time.perf_counter()
    cpu_start = time.process_time()
    index.init_index(max_elements=items.shape[0], M=args.m, ef_construction=args.ef_construction, random_seed=100)
    index.add_items(items, np.arange(items.shape[0]), num_threads=args.threads)
    print("build_seconds %.3f" % (time.perf_counter() - start), flush=True)
    print("build_cpu_seconds %.3f" % (time.process_time() - cpu_start), flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "index.bin")
        index.save_index(path)
        print("index_bytes %d" % os.path.getsize(path), flush=True)

    index.set_num_threads(1)
    efs = [int(e) for e in args.ef.split(",")]
    # Warm-up pass, as the Java side does before timing.
    index.set_ef(max(args.k, efs[len(efs) // 2]))
    index.knn_query(queries, k=args.k, num_threads=1)
    for ef in efs:
        index.set_ef(max(args.k, ef))
        # CPU time of this thread (hnswlib runs a one-thread batch inline), best of 3, as the Java side.
        seconds = float("inf")
        for _ in range(3):
            start = time.thread_time()
            labels, _ = index.knn_query(queries, k=args.k, num_threads=1)
            seconds = min(seconds, time.thread_time() - start)
        hits = sum(len(set(labels[q].tolist()) & set(truth[q].tolist())) for q in range(len(queries)))
        recall = hits / truth.size
        print("sweep %d %.5f %.1f" % (ef, recall, len(queries) / seconds), flush=True)


if __name__ == "__main__":
    main()
