/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

/**
 * The addresses of a pod on the local node.
 *
 * @param podIp the pod's own loopback address, which its processes listen on
 * @param hostIp the node's address
 */
public record PodAddresses(String podIp, String hostIp) {}
