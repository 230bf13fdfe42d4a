/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import dev.tandem.localnode.image.ImageStore;
import dev.tandem.localnode.launch.EnvResolver;
import dev.tandem.localnode.launch.LaunchPlanner;
import dev.tandem.localnode.probe.Prober;
import dev.tandem.localnode.volume.VolumeSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What every pod worker of the node shares.
 *
 * @param nodeName the node's name
 * @param hostIp the node's address
 * @param podsDir where pod directories are made
 * @param images the images the node has, unpacked on first use
 * @param planner builds the command line of a container
 * @param env builds a container's environment
 * @param volumes gives volumes host directories
 * @param ips hands out pod addresses
 * @param prober runs probes
 * @param admission refuses pods the node cannot run
 * @param api writes statuses, annotations and events
 * @param backoff the crash-loop back-off
 * @param configRetry how soon a container whose configuration failed is tried again
 * @param allocatable the node's allocatable resources (for resource references without a limit)
 * @param clock the time
 */
public record NodeContext(
        String nodeName,
        String hostIp,
        Path podsDir,
        ImageStore images,
        LaunchPlanner planner,
        EnvResolver env,
        VolumeSetup volumes,
        PodIpPool ips,
        Prober prober,
        PodAdmission admission,
        PodApi api,
        RestartBackoff backoff,
        Duration configRetry,
        Map<String, String> allocatable,
        Clock clock) {}
