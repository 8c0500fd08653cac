package io.melograph.cli;

import io.melograph.app.ProcessSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar melograph.jar <command>}: the entry point of the fat jar. */
@Command(name = "melograph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Melograph, a knowledge-graph music recommender.",
        subcommands = {ServeCommand.class, ImportCommand.class, StatsCommand.class, EvalCommand.class, JournalCommand.class,
                SimulateCommand.class, TrainCommand.class, TuneCommand.class, ModelsCommand.class, NeighboursCommand.class, DemoCommand.class,
                BenchCommand.class, ConfigCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 ok, 2 invalid input, 1 anything else. */
    public static int run(String... args) {
        ProcessSetup.logging();
        CommandLine cli = new CommandLine(new Main());
        EvalCommand.listModels(cli.getSubcommands().get("eval"));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line as the user typed it ({@code melograph eval replay --cut ...}): reports say how to reproduce them. */
    static String typed(CommandLine.Model.CommandSpec spec) {
        return "melograph " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"melograph " + (v == null ? "dev" : v)};
        }
    }
}
