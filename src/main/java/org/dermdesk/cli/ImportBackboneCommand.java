package org.dermdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dermdesk.ml.ImageNetBackbone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Imports the ImageNet MobileNetV2 layers from the npm tarball into a backbone folder (run once; the result is committed). */
@Command(name = "import-backbone", mixinStandardHelpOptions = true,
        description = "Import the ImageNet MobileNetV2 (up to block_10) from the tarball of `npm pack " + ImageNetBackbone.NPM_PACKAGE
                + "` (its SHA-256 is verified first).")
public final class ImportBackboneCommand implements Callable<Integer> {

    @Option(names = "--tarball", required = true, paramLabel = "TGZ", description = "nsfwjs-4.4.0.tgz from `npm pack nsfwjs@4.4.0`")
    Path tarball;

    @Option(names = "--out", paramLabel = "DIR", description = "backbone folder to write (default: ${DEFAULT-VALUE})",
            defaultValue = "models/mobilenet-v2-imagenet")
    Path out;

    @Override
    public Integer call() {
        try {
            Path params = ImageNetBackbone.importFrom(tarball, out);
            System.out.println("Wrote " + params + " and " + out.resolve(ImageNetBackbone.PROVENANCE_FILE));
            return 0;
        } catch (IOException e) {
            System.err.println("import-backbone: " + e.getMessage());
            return 1;
        }
    }
}
