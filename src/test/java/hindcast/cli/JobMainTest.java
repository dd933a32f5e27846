package hindcast.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** JobMain reports a failed command by throwing (it must not call System.exit, which would end this JVM). */
class JobMainTest {

    @Test
    void aSuccessfulCommandReturnsNormally() {
        assertDoesNotThrow(() -> JobMain.main(new String[] {"--version"}));
    }

    @Test
    void aFailedCommandThrowsWithItsExitCode() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JobMain.main(new String[] {"no-such-command"}));
        assertTrue(e.getMessage().contains("hindcast no-such-command failed with exit code 64"), e.getMessage());
    }
}
