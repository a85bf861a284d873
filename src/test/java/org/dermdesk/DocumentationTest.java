package org.dermdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and the documents under src/site: their links lead somewhere, and the quick start stays as CI runs it. */
class DocumentationTest {

    private static final List<Path> DOCUMENTS = List.of(Path.of("README.md"),
            Path.of("src", "site", "markdown", "validation.md"),
            Path.of("src", "site", "markdown", "reference.md"),
            Path.of("models", "mobilenet-v2-ft-128", "MODEL_CARD.md"));
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : DOCUMENTS) {
            Matcher m = LINK.matcher(FENCE.matcher(Files.readString(doc)).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // web links are not checked offline
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path dest = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
                if (!Files.exists(dest)) {
                    broken.add(doc + ": no file " + target);
                } else if (hash >= 0 && !anchors(dest).contains(target.substring(hash + 1))) {
                    broken.add(doc + ": no heading for " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** .ci/run relies on the README's test command; a newcomer on the first command. */
    @Test
    void readmeKeepsTheQuickStartCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("\nmvn -B verify\n"), "test command");
        assertTrue(readme.contains("sudo apt-get update && sudo apt-get install -y openjdk-17-jdk maven libgtk-3-0 libgtk2.0-0"
                + " && mvn -q -DskipTests package && java -jar target/dermdesk.jar\n"), "build-and-run command");
    }

    /** Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
    private static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCE.matcher(Files.readString(doc)).replaceAll(""));
        while (m.find()) {
            String anchor = m.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
            int repeats = seen.merge(anchor, 1, Integer::sum) - 1;
            anchors.add(repeats == 0 ? anchor : anchor + "-" + repeats);
        }
        return anchors;
    }
}
