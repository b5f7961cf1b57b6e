package socketlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import socketlab.trace.MemoryBudget;
import socketlab.trace.TraceLog;

/** The --memory-budget option of the commands that record a run: what their trace may keep in memory. */
final class MemoryOption {
    @Option(names = "--memory-budget", paramLabel = "MIB", converter = Converter.class,
            description = "memory the trace may keep, in MiB (default: " + MemoryBudget.ENV
                    + ", else 512); past it calls are counted, not recorded")
    MemoryBudget budget;

    /** A log within the budget given, or the one set for this process. */
    TraceLog newLog() {
        return new TraceLog(budget != null ? budget : MemoryBudget.configured());
    }

    static final class Converter implements CommandLine.ITypeConverter<MemoryBudget> {
        @Override
        public MemoryBudget convert(String value) {
            try {
                return MemoryBudget.ofMiB(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
