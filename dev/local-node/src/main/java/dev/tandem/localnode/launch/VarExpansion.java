/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.localnode.launch;

import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} references in env values, commands and arguments: a defined variable is replaced by
 * its value, an undefined one stays as written, and {@code $$} is an escaped {@code $}.
 */
public final class VarExpansion {

    private VarExpansion() {}

    /** The value with its references to {@code vars} expanded. */
    public static String expand(String value, Map<String, String> vars) {
        if (value == null || value.indexOf('$') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '$' || i + 1 == value.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = value.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(value, i, value.length());
                    break;
                }
                String name = value.substring(i + 2, close);
                String replacement = vars.get(name);
                out.append(replacement != null ? replacement : value.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
