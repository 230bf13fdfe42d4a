/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.api;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC client built from TF Serving's own descriptors (the tensorflow-serving-api release, via
 * {@code dev/tf-serving/descriptors}) with TensorFlow's protos from TensorFlow Java, sending and reading
 * {@link DynamicMessage}s. It shares no code with the server's protos, so a call that works proves the
 * server speaks TF Serving's wire format, as existing TF Serving clients do.
 */
final class TfServingGrpcClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final Map<String, FileDescriptor> files;

    private TfServingGrpcClient(ManagedChannel channel, Map<String, FileDescriptor> files) {
        this.channel = channel;
        this.files = files;
    }

    static TfServingGrpcClient connect(String host, int port, Path scratch) {
        Path descriptors = scratch.resolve("tf-serving.desc");
        try {
            Process script = new ProcessBuilder(
                            repositoryRoot()
                                    .resolve("dev/tf-serving/descriptors")
                                    .toString(),
                            descriptors.toString())
                    .inheritIO()
                    .start();
            if (!script.waitFor(5, TimeUnit.MINUTES) || script.exitValue() != 0) {
                throw new IllegalStateException("dev/tf-serving/descriptors failed");
            }
            FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(descriptors));
            return new TfServingGrpcClient(
                    ManagedChannelBuilder.forAddress(host, port).usePlaintext().build(), build(set));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A message type of TF Serving's API, e.g. {@code tensorflow.serving.PredictRequest}. */
    Descriptor type(String fullName) {
        for (FileDescriptor file : files.values()) {
            Descriptor found = file.findMessageTypeByName(fullName.substring(fullName.lastIndexOf('.') + 1));
            if (found != null && found.getFullName().equals(fullName)) {
                return found;
            }
        }
        throw new IllegalArgumentException("no message type " + fullName + " in TF Serving's descriptors");
    }

    /** Calls a unary method, e.g. {@code tensorflow.serving.PredictionService/Predict}. */
    DynamicMessage call(String service, String method, Message request) {
        MethodDescriptor descriptor = files.values().stream()
                .map(f -> f.findServiceByName(service.substring(service.lastIndexOf('.') + 1)))
                .filter(s -> s != null && s.getFullName().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service))
                .findMethodByName(method);
        io.grpc.MethodDescriptor<Message, DynamicMessage> grpcMethod =
                io.grpc.MethodDescriptor.<Message, DynamicMessage>newBuilder()
                        .setType(MethodType.UNARY)
                        .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(service, method))
                        .setRequestMarshaller(requestMarshaller())
                        .setResponseMarshaller(responseMarshaller(descriptor.getOutputType()))
                        .build();
        return ClientCalls.blockingUnaryCall(
                channel, grpcMethod, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), request);
    }

    /** A map entry for a {@code map<string, ...>} field. */
    static DynamicMessage entry(FieldDescriptor mapField, String key, Object value) {
        Descriptor entry = mapField.getMessageType();
        return DynamicMessage.newBuilder(entry)
                .setField(entry.findFieldByName("key"), key)
                .setField(entry.findFieldByName("value"), value)
                .build();
    }

    /** The entries of a {@code map<string, Message>} field of a dynamic message, by key. */
    static Map<String, DynamicMessage> map(DynamicMessage message, String field) {
        FieldDescriptor mapField = message.getDescriptorForType().findFieldByName(field);
        Descriptor entry = mapField.getMessageType();
        Map<String, DynamicMessage> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Message> entries = (List<Message>) message.getField(mapField);
        for (Message e : entries) {
            out.put((String) e.getField(entry.findFieldByName("key")), (DynamicMessage)
                    e.getField(entry.findFieldByName("value")));
        }
        return out;
    }

    static DynamicMessage message(Descriptor type, Map<String, Object> fields) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        fields.forEach((name, value) -> {
            FieldDescriptor field = type.findFieldByName(name);
            if (field == null) {
                throw new IllegalArgumentException(type.getFullName() + " has no field " + name);
            }
            if (value instanceof List<?> values) {
                values.forEach(v -> builder.addRepeatedField(field, v));
            } else {
                builder.setField(field, value);
            }
        });
        return builder.build();
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    private static Marshaller<Message> requestMarshaller() {
        return new Marshaller<>() {
            @Override
            public InputStream stream(Message value) {
                return value.toByteString().newInput();
            }

            @Override
            public Message parse(InputStream stream) {
                throw new UnsupportedOperationException("the client never reads requests");
            }
        };
    }

    private static Marshaller<DynamicMessage> responseMarshaller(Descriptor type) {
        return new Marshaller<>() {
            @Override
            public InputStream stream(DynamicMessage value) {
                return value.toByteString().newInput();
            }

            @Override
            public DynamicMessage parse(InputStream stream) {
                try {
                    return DynamicMessage.parseFrom(type, stream);
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("not a " + type.getFullName(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    // TF Serving's files, linked against TensorFlow's own (from TensorFlow Java) and protobuf's well-known types.
    private static Map<String, FileDescriptor> build(FileDescriptorSet set) {
        Map<String, FileDescriptor> known = new HashMap<>();
        Deque<FileDescriptor> pending = new ArrayDeque<>(List.of(
                org.tensorflow.proto.TensorProtos.getDescriptor(),
                org.tensorflow.proto.MetaGraphProtos.getDescriptor(),
                org.tensorflow.proto.ExampleProtos.getDescriptor(),
                org.tensorflow.proto.ConfigProtos.getDescriptor(),
                org.tensorflow.proto.NamedTensorProtos.getDescriptor(),
                org.tensorflow.proto.error.ErrorCodesProtos.getDescriptor(),
                // tensorflow/core/protobuf/error_codes.proto, which publicly imports the codes of tsl/protobuf.
                org.tensorflow.proto.error.dummy.ErrorCodes.getDescriptor(),
                com.google.protobuf.AnyProto.getDescriptor(),
                com.google.protobuf.WrappersProto.getDescriptor()));
        while (!pending.isEmpty()) {
            FileDescriptor file = pending.pop();
            if (known.putIfAbsent(file.getName(), file) == null) {
                pending.addAll(file.getDependencies());
            }
        }
        Map<String, FileDescriptor> serving = new HashMap<>();
        Map<String, FileDescriptorProto> protos = new HashMap<>();
        set.getFileList().forEach(p -> protos.put(p.getName(), p));
        for (String name : protos.keySet()) {
            link(name, protos, known, serving);
        }
        return serving;
    }

    private static FileDescriptor link(
            String name,
            Map<String, FileDescriptorProto> protos,
            Map<String, FileDescriptor> known,
            Map<String, FileDescriptor> serving) {
        FileDescriptor done = known.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            throw new IllegalStateException("TF Serving's descriptors import " + name + ", which is not available");
        }
        FileDescriptor[] dependencies = proto.getDependencyList().stream()
                .map(d -> link(d, protos, known, serving))
                .toArray(FileDescriptor[]::new);
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
            known.put(name, file);
            serving.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("TF Serving's " + name + " does not link: " + e.getMessage(), e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("dev/tf-serving"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Tandem repository");
        }
        return dir;
    }
}
