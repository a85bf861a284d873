package org.dermdesk.ml;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of one of nsfwjs' browserified {@code .min.js} model files: the bundle's single module sets
 * {@code module.exports} to either a base64 string (a weight shard) or an object literal (the TF.js
 * {@code model.json}). The object literal is JavaScript, not JSON: unquoted keys, {@code !0}/{@code !1}
 * for true/false and numbers such as {@code .5}; it is made strict before Jackson reads it.
 */
final class TfjsBundle {

    /** Browserify's module 1: {@code {1:[function(require,module,exports){module.exports=...} with minified names. */
    private static final Pattern EXPORTS = Pattern.compile("\\{1:\\[function\\(\\w+,(\\w+),\\w+\\)\\{\\1\\.exports=");
    private static final String END = "},{}]},{},[1])(1)});";
    private static final Pattern BOOLEAN = Pattern.compile("([:\\[,])!([01])(?=[,\\]}])");
    private static final Pattern UNQUOTED_KEY = Pattern.compile("([{,])([A-Za-z_$][\\w$]*):");
    private static final Pattern BARE_FRACTION = Pattern.compile("([:\\[,])(-?)\\.(\\d)");
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private TfjsBundle() {
    }

    /** The exported expression of a bundle, as source text. */
    static String payload(String bundle) throws IOException {
        Matcher start = EXPORTS.matcher(bundle);
        int end = bundle.lastIndexOf(END);
        if (!start.find() || end < start.end()) {
            throw new IOException("not a browserified TF.js model bundle");
        }
        return bundle.substring(start.end(), end).trim();
    }

    /** A weight shard bundle: the bytes of its base64 string. */
    static byte[] shard(String bundle) throws IOException {
        String p = payload(bundle);
        if (p.length() < 2 || p.charAt(0) != '"' || p.charAt(p.length() - 1) != '"') {
            throw new IOException("the bundle holds no weight shard (its value is not a string)");
        }
        try {
            return Base64.getDecoder().decode(p.substring(1, p.length() - 1));
        } catch (IllegalArgumentException e) {
            throw new IOException("the weight shard is not valid base64", e);
        }
    }

    /** A model bundle: its object literal as a JSON tree. */
    static JsonNode model(String bundle) throws IOException {
        String p = payload(bundle);
        if (!p.startsWith("{")) {
            throw new IOException("the bundle holds no model (its value is not an object)");
        }
        return JSON.readTree(strictJson(p));
    }

    /** JavaScript object literal (as minifiers write it) to strict JSON. Strings in model.json hold no such patterns. */
    static String strictJson(String literal) {
        String s = BOOLEAN.matcher(literal).replaceAll(m -> m.group(1) + ("0".equals(m.group(2)) ? "true" : "false"));
        s = UNQUOTED_KEY.matcher(s).replaceAll(m -> m.group(1) + "\"" + Matcher.quoteReplacement(m.group(2)) + "\":");
        return BARE_FRACTION.matcher(s).replaceAll(m -> m.group(1) + m.group(2) + "0." + m.group(3));
    }
}
