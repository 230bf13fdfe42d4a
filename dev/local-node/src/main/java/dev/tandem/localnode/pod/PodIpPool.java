/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.pod;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out pod IPs from the node's pod range, such as {@code 198.18.0.0/24}, which is routed to the loopback
 * interface as a local range ({@code ip route add local 198.18.0.0/24 dev lo}): a process can listen on any address
 * of it, so each pod gets an address of its own and two pods can listen on the same port, as in separate network
 * namespaces. ({@code 127.0.0.0/8} would need no route, but the API server refuses loopback addresses in
 * EndpointSlices, so Services could never reach such pods.)
 *
 * <p>Addresses are handed out round-robin, as host-local IPAM does, so that a freed address is not reused at once
 * and a stale EndpointSlice does not send traffic to a newer pod.
 */
public final class PodIpPool {

    private final int base;
    private final int size;
    private final Map<Integer, String> owners = new HashMap<>();
    private final Map<String, Integer> byOwner = new HashMap<>();
    private int next;

    /** @param cidr an IPv4 range with a prefix between 8 and 30, e.g. {@code 198.18.0.0/24} */
    public PodIpPool(String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("the pod CIDR's prefix must be between 8 and 30: " + cidr);
        }
        int address = parse(parts[0]);
        int mask = -1 << (32 - prefix);
        this.base = address & mask;
        this.size = 1 << (32 - prefix);
        this.next = 1;
    }

    /** The address the owner holds, or a new one; empty when every address is taken. */
    public synchronized Optional<String> allocate(String owner) {
        Integer held = byOwner.get(owner);
        if (held != null) {
            return Optional.of(format(base + held));
        }
        // The network address (offset 0) and the broadcast address (offset size - 1) are never handed out.
        for (int tried = 0; tried < size - 2; tried++) {
            int offset = next;
            next = next + 1 >= size - 1 ? 1 : next + 1;
            if (!owners.containsKey(offset) && !isNodeAddress(base + offset)) {
                owners.put(offset, owner);
                byOwner.put(owner, offset);
                return Optional.of(format(base + offset));
            }
        }
        return Optional.empty();
    }

    /**
     * Records that an owner already holds an address (a pod that was running before the node agent restarted).
     *
     * @return false when the address is outside the range or held by someone else
     */
    public synchronized boolean reserve(String owner, String ip) {
        int offset;
        try {
            offset = parse(ip) - base;
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (offset <= 0 || offset >= size - 1) {
            return false;
        }
        String current = owners.get(offset);
        if (current != null && !current.equals(owner)) {
            return false;
        }
        release(owner);
        owners.put(offset, owner);
        byOwner.put(owner, offset);
        next = offset + 1 >= size - 1 ? 1 : offset + 1;
        return true;
    }

    /** Frees the owner's address, if it holds one. */
    public synchronized void release(String owner) {
        Integer offset = byOwner.remove(owner);
        if (offset != null) {
            owners.remove(offset);
        }
    }

    /** The first address a pod can get, e.g. to check that the range is local to this machine. */
    public String firstAddress() {
        return format(isNodeAddress(base + 1) ? base + 2 : base + 1);
    }

    /** How many addresses are held. */
    public synchronized int inUse() {
        return owners.size();
    }

    // 127.0.0.1 is the node's own address; it belongs to no pod even when the range covers it.
    private static boolean isNodeAddress(int address) {
        return address == 0x7f000001;
    }

    static int parse(String ip) {
        String[] octets = ip.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        int value = 0;
        for (String octet : octets) {
            int part;
            try {
                part = Integer.parseInt(octet);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip, e);
            }
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
            value = value << 8 | part;
        }
        return value;
    }

    static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }
}
