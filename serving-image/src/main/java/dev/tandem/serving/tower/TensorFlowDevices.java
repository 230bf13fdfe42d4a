/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.tower;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SessionListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * Which TensorFlow this process runs: the native library JavaCPP loaded (the GPU image's
 * {@code linux-x86_64-gpu} build or the CPU one) and the devices a session gets, the same a tower's session is
 * placed on. TensorFlow puts a graph's ops on {@code GPU:0} when it lists one, so a GPU here means the tower runs
 * on it; a GPU build without a CUDA driver lists only {@code CPU:0}.
 *
 * @param version TensorFlow's version, e.g. {@code 2.18.0}
 * @param nativeLibrary the file JavaCPP loaded TensorFlow's JNI library from
 * @param devices the devices a new session lists, CPU first
 */
public record TensorFlowDevices(String version, String nativeLibrary, List<Device> devices) {

    /**
     * One device of a session.
     *
     * @param name its short name, e.g. {@code GPU:0}
     * @param type {@code CPU} or {@code GPU}
     * @param memoryBytes the memory TensorFlow may use on it
     */
    public record Device(String name, String type, long memoryBytes) {

        @Override
        public String toString() {
            return type.equals("CPU") ? name : "%s (%.1f GiB)".formatted(name, memoryBytes / (double) (1L << 30));
        }
    }

    /**
     * Loads TensorFlow (when nothing has yet) and lists the devices of a new, empty session configured like the
     * towers' ({@code settings}). TensorFlow sizes its process-wide inter-op and intra-op thread pools from the first
     * session the process makes, so a session with other settings, made before the first tower's, would leave the
     * towers' thread settings without effect.
     */
    public static TensorFlowDevices ofThisProcess(TowerSettings settings) {
        String version = TensorFlow.version();
        List<Device> devices = new ArrayList<>();
        byte[] config = UserTower.sessionConfig(settings).toByteArray();
        try (TF_Status status = TF_Status.newStatus();
                TF_Graph graph = TF_Graph.newGraph();
                TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
                BytePointer configBytes = new BytePointer(config)) {
            TF_SetConfig(options, configBytes, config.length, status);
            status.throwExceptionIfNotOK();
            try (TF_Session session = TF_Session.newSession(graph, options, status)) {
                status.throwExceptionIfNotOK();
                TF_DeviceList list = TF_SessionListDevices(session, status);
                status.throwExceptionIfNotOK();
                try {
                    for (int i = 0; i < TF_DeviceListCount(list); i++) {
                        String name = TF_DeviceListName(list, i, status).getString();
                        devices.add(new Device(
                                name.substring(name.lastIndexOf("device:") + "device:".length()),
                                TF_DeviceListType(list, i, status).getString(),
                                TF_DeviceListMemoryBytes(list, i, status)));
                        status.throwExceptionIfNotOK();
                    }
                } finally {
                    TF_DeleteDeviceList(list);
                }
            }
        }
        return new TensorFlowDevices(version, jniLibrary(Loader.getLoadedLibraries()), List.copyOf(devices));
    }

    /** Whether JavaCPP loaded TensorFlow's CUDA build (the {@code linux-x86_64-gpu} native classifier). */
    public boolean isGpuBuild() {
        return nativePlatform().endsWith("-gpu");
    }

    /** Whether a session places ops on a GPU. */
    public boolean hasGpu() {
        return devices.stream().anyMatch(d -> d.type().equals("GPU"));
    }

    /**
     * The platform directory the JNI library came from, e.g. {@code linux-x86_64-gpu}: JavaCPP extracts each
     * library under the class-path path it found it at.
     */
    public String nativePlatform() {
        Path parent = Path.of(nativeLibrary).getParent();
        return parent == null ? nativeLibrary : parent.getFileName().toString();
    }

    /** One log line: {@code TensorFlow 2.18.0 (linux-x86_64-gpu) devices: CPU:0, GPU:0 (139.8 GiB); library …}. */
    public String summary() {
        return "TensorFlow %s (%s) devices: %s; library %s"
                .formatted(
                        version,
                        nativePlatform(),
                        devices.stream().map(Device::toString).collect(Collectors.joining(", ")),
                        nativeLibrary);
    }

    private static String jniLibrary(Map<String, String> loaded) {
        return loaded.entrySet().stream()
                .filter(e -> e.getKey().startsWith("jnitensorflow"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("(not loaded through JavaCPP)");
    }
}
