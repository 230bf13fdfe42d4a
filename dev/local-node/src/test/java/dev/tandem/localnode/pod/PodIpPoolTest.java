/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodIpPoolTest {

    @Test
    void eachPodGetsItsOwnLoopbackAddressAndKeepsIt() {
        PodIpPool pool = new PodIpPool("198.18.0.0/24");

        String a = pool.allocate("pod-a").orElseThrow();
        String b = pool.allocate("pod-b").orElseThrow();

        assertThat(a).isEqualTo("198.18.0.1");
        assertThat(b).isEqualTo("198.18.0.2");
        assertThat(pool.allocate("pod-a")).contains(a);
        assertThat(pool.inUse()).isEqualTo(2);
        assertThat(pool.firstAddress()).isEqualTo("198.18.0.1");
    }

    @Test
    void aFreedAddressIsNotHandedOutAgainAtOnce() {
        PodIpPool pool = new PodIpPool("198.18.0.0/24");
        String first = pool.allocate("pod-a").orElseThrow();
        pool.release("pod-a");

        assertThat(pool.allocate("pod-b")).get().isNotEqualTo(first);
    }

    @Test
    void aSmallRangeIsUsedUpThenWrapsAroundToFreedAddresses() {
        PodIpPool pool = new PodIpPool("127.1.2.0/30");
        Set<String> given = new HashSet<>();
        given.add(pool.allocate("a").orElseThrow());
        given.add(pool.allocate("b").orElseThrow());

        assertThat(given).containsExactlyInAnyOrder("127.1.2.1", "127.1.2.2");
        assertThat(pool.allocate("c")).isEmpty();
        pool.release("a");
        assertThat(pool.allocate("c")).contains("127.1.2.1");
    }

    @Test
    void reservesAddressesOfPodsThatRanBeforeARestart() {
        PodIpPool pool = new PodIpPool("198.18.0.0/24");

        assertThat(pool.reserve("pod-a", "198.18.0.57")).isTrue();
        assertThat(pool.reserve("pod-b", "198.18.0.57")).isFalse();
        assertThat(pool.reserve("pod-c", "10.0.0.1")).isFalse();
        assertThat(pool.allocate("pod-a")).contains("198.18.0.57");
        assertThat(pool.allocate("pod-d")).contains("198.18.0.58");
    }

    @Test
    void neverHandsOutTheNodesOwnAddress() {
        PodIpPool pool = new PodIpPool("127.0.0.0/30");

        assertThat(pool.allocate("a")).contains("127.0.0.2");
        assertThat(pool.allocate("b")).isEmpty();
    }

    @Test
    void refusesRangesTooSmallOrMalformed() {
        assertThatThrownBy(() -> new PodIpPool("198.18.0.0/31")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> new PodIpPool("198.18.0.0/24x")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> new PodIpPool("127.0.0.0")).hasMessageContaining("not a CIDR");
    }
}
