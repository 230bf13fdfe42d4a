/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.node;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * How the node presents itself to the cluster.
 *
 * @param name the Node's name, e.g. {@code local-0}
 * @param hostIp the node's address ({@code 127.0.0.1})
 * @param podCidr the loopback range its pods' addresses come from
 * @param kubeletVersion the version the Node reports, the control plane's
 * @param capacity the host's resources
 * @param taint whether the node carries the {@code tandem.dev/local-node=true:NoSchedule} taint, so that only pods
 *     that ask for it run here
 */
public record NodeSettings(
        String name,
        String hostIp,
        String podCidr,
        String kubeletVersion,
        Map<String, Quantity> capacity,
        boolean taint) {

    /** The label every local node carries (value {@code true}), and the key of its taint. */
    public static final String LOCAL_NODE_LABEL = "tandem.dev/local-node";

    public NodeSettings {
        capacity = Map.copyOf(capacity);
    }
}
