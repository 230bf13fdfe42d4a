/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Brings the local platform up once per test JVM ({@code dev/platform up} is idempotent and takes about
 * a second when everything already runs) and resolves test parameters: {@link LocalPlatform}, a
 * {@link KubernetesClient} per test, and a fresh {@link TestNamespace} per test.
 */
public final class LocalPlatformExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(LocalPlatformExtension.class);
    private static final String NAMESPACE_LABEL = "tandem.dev/test-namespace";

    private static volatile LocalPlatform platform;
    private static RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        platform();
    }

    /**
     * The platform of this JVM, started on first use. A failed start is remembered, so the remaining
     * test classes fail at once with the same reason instead of each trying again.
     */
    public static LocalPlatform platform() {
        LocalPlatform current = platform;
        if (current != null) {
            return current;
        }
        synchronized (LocalPlatformExtension.class) {
            if (platform == null) {
                if (startFailure != null) {
                    throw startFailure;
                }
                try {
                    PlatformScript script = PlatformScript.locate();
                    script.up();
                    platform = LocalPlatform.fromEnv(script.env());
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return platform;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == LocalPlatform.class || type == KubernetesClient.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == LocalPlatform.class) {
            return platform();
        }
        PerTest perTest =
                context.getStore(STORE).getOrComputeIfAbsent(PerTest.class, k -> new PerTest(), PerTest.class);
        if (type == KubernetesClient.class) {
            return perTest.client();
        }
        return perTest.namespace(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PerTest perTest = context.getStore(STORE).remove(PerTest.class, PerTest.class);
        if (perTest != null) {
            perTest.release();
        }
    }

    /** What one test method was handed, released after it. */
    private static final class PerTest {
        private final List<KubernetesClient> clients = new ArrayList<>();
        private KubernetesClient client;
        private TestNamespace namespace;
        private KubernetesClient admin;

        KubernetesClient client() {
            if (client == null) {
                client = platform().newKubernetesClient();
                clients.add(client);
            }
            return client;
        }

        TestNamespace namespace(ExtensionContext context) {
            if (namespace == null) {
                String name = namespaceName(
                        context.getTestMethod().map(m -> m.getName()).orElse("test"));
                admin = platform().newKubernetesClient();
                clients.add(admin);
                admin.namespaces()
                        .resource(new NamespaceBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .addToLabels(NAMESPACE_LABEL, "true")
                                .endMetadata()
                                .build())
                        .create();
                namespace = new TestNamespace(name);
            }
            return namespace;
        }

        void release() {
            try {
                if (namespace != null) {
                    // Deletion finishes in the background (the namespace controller); tests don't wait for it.
                    admin.namespaces().withName(namespace.name()).delete();
                }
            } finally {
                clients.forEach(KubernetesClient::close);
            }
        }
    }

    static String namespaceName(String testMethod) {
        String slug = testMethod
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-");
        slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
        slug = slug.replaceAll("^-|-$", "");
        return "t-" + slug + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    }
}
