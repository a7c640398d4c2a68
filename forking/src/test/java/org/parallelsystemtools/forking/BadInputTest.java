package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A program started by hand the wrong way, {@code HelloChild} without its word or a child's part
 * typed as {@code WhoAmI child}, says in one line what it expected and exits with status 2: no
 * stack trace, nothing started.
 */
@Execution(ExecutionMode.CONCURRENT)
class BadInputTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "HelloChild          | ''                    | HelloChild: expected one argument, the word to print (usage: HelloChild ARG)",
        "HelloChild          | child                 | HelloChild: expected one argument, the word to print (usage: HelloChild ARG)",
        "ProcessStart        | child                 | ProcessStart: its child is started by ProcessStart itself (usage: ProcessStart)",
        "ProcessTerminate    | child test x m 20     | ProcessTerminate: its child is started by ProcessTerminate itself (usage: ProcessTerminate)",
        "ProcessCoordination | child 1               | ProcessCoordination: its children are started by ProcessCoordination itself (usage: ProcessCoordination)",
        "ProcessSubclass     | child abc             | ProcessSubclass: its child is started by ProcessSubclass itself (usage: ProcessSubclass)",
        "SharedMemory        | child update /etc/hostname | SharedMemory: its children are started by SharedMemory itself (usage: SharedMemory)",
        "WhoAmI              | child                 | WhoAmI: its children are started by WhoAmI itself (usage: WhoAmI)",
    })
    void aChildPartTypedByHandIsOneLineAndExitTwo(String program, String args, String message) throws Exception {
        RealProcess.Result run = RealProcess.of(Class.forName("org.parallelsystemtools.forking." + program))
                .args(args.isEmpty() ? new String[0] : args.split(" ")).run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals("", run.out());
        assertEquals(List.of(message), run.terminalLines());
    }
}
