package dev.flowgate.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * What goes in front of a child's command line so that it runs in a session of its own
 * and stops when the JVM that started it is gone.
 */
final class ChildCommand {

	static final String SESSION = "setsid";

	static final String SHELL = "sh";

	/**
	 * The name the watchdog shell runs under ({@code $0}), as process listings show it.
	 */
	static final String WATCHDOG_NAME = "flowgate-watchdog";

	/**
	 * Execs the command with a watchdog beside it. The watchdog waits on stdin, a pipe
	 * whose other end only the starting JVM holds: when that end closes, the JVM is gone
	 * (killed or exited). The JVM also closes it once the child exited, so the watchdog
	 * signals the child ({@code $$}, the pid the command runs as) only while it is still
	 * the watchdog's parent: never a stranger that got the pid later. Without
	 * {@code /proc} it signals {@code $$} as is.
	 */
	static final String WATCHDOG = "exec 3<&0 0</dev/null; "
			+ "( read -r _ <&3; read -r _ _ _ parent _ 2>/dev/null </proc/self/stat || parent=$$; "
			+ "[ \"$parent\" = \"$$\" ] && kill -TERM $$ ) & exec \"$@\" 3<&-";

	private ChildCommand() {
	}

	/**
	 * @param ownSession whether the child gets a session (and process group) of its own,
	 * so that a terminal's Ctrl-C reaches only the starting JVM
	 * @param stopWithParent whether the child gets SIGTERM when the starting JVM is gone
	 * @param onPath whether a program is on the PATH; a missing one is left out
	 */
	static List<String> of(List<String> command, boolean ownSession, boolean stopWithParent, Predicate<String> onPath) {
		List<String> full = new ArrayList<>();
		if (ownSession && onPath.test(SESSION)) {
			full.add(SESSION);
		}
		if (stopWithParent && onPath.test(SHELL)) {
			full.addAll(List.of(SHELL, "-c", WATCHDOG, WATCHDOG_NAME));
		}
		full.addAll(command);
		return full;
	}

	/** Whether an executable of this name is in one of the PATH's directories. */
	static boolean isOnPath(String program) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isBlank())
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, program)));
	}

}
