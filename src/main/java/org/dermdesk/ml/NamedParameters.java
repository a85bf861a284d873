package org.dermdesk.ml;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of a block by their path of child names, without DJL's positional prefixes
 * ({@code 03block_7} becomes {@code block_7}): a MobileNetV2 tail and the whole network name the same
 * weight alike, so values can be copied from one to the other.
 */
final class NamedParameters {

    private NamedParameters() {
    }

    static Map<String, Parameter> of(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(block, "", out);
        return out;
    }

    /** Copies every parameter of {@code from} into the parameter of {@code to} with the same path; returns how many. */
    static int copy(Block from, String fromPrefix, Block to, String toPrefix) {
        Map<String, Parameter> target = of(to);
        int copied = 0;
        for (Map.Entry<String, Parameter> e : of(from).entrySet()) {
            if (!e.getKey().startsWith(fromPrefix)) {
                continue;
            }
            Parameter p = target.get(toPrefix + e.getKey().substring(fromPrefix.length()));
            if (p == null) {
                throw new IllegalArgumentException("no parameter " + toPrefix + e.getKey().substring(fromPrefix.length()));
            }
            p.getArray().set(e.getValue().getArray().toFloatArray());
            copied++;
        }
        return copied;
    }

    /** Fills every parameter of {@code to} under {@code toPrefix} from the parameter of {@code from} with the same path. */
    static int fill(Block to, String toPrefix, Block from, String fromPrefix) {
        Map<String, Parameter> source = of(from);
        int copied = 0;
        for (Map.Entry<String, Parameter> e : of(to).entrySet()) {
            if (!e.getKey().startsWith(toPrefix)) {
                continue;
            }
            Parameter p = source.get(fromPrefix + e.getKey().substring(toPrefix.length()));
            if (p == null) {
                throw new IllegalArgumentException("no parameter " + fromPrefix + e.getKey().substring(toPrefix.length()));
            }
            e.getValue().getArray().set(p.getArray().toFloatArray());
            copied++;
        }
        return copied;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getKey(), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + child.getKey().replaceFirst("^\\d+", "") + "/", out);
        }
    }
}
