package io.melograph.cli;

import io.melograph.config.ConfigKeys;
import io.melograph.config.ConfigReference;
import io.melograph.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "config", mixinStandardHelpOptions = true, description = "The service's settings.",
        subcommands = ConfigCommand.Reference.class)
final class ConfigCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Writes every setting (key, environment variable, type, default, meaning) as Markdown: docs/configuration.md.")
    static final class Reference implements Callable<Integer> {
        @Option(names = "--out", description = "The file to write; without it, standard output.")
        Path out;

        @Override
        public Integer call() throws java.io.IOException {
            String text = ConfigReference.markdown(ConfigKeys.load());
            if (out == null) {
                System.out.print(text);
            } else {
                AtomicFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
                System.out.println("wrote " + out);
            }
            return 0;
        }
    }
}
