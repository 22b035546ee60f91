package dev.flowgate.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * What goes in front of a child's command line so that it runs in a session of its own,
 * at a lower CPU priority, and stops when the JVM that started it is gone.
 */
final class ChildCommand {

	static final String SESSION = "setsid";

	static final String SHELL = "sh";

	static final String NICE = "nice";

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

	private static final String EXEC = "exec \"$@\"";

	private ChildCommand() {
	}

	/**
	 * Lowers the priority of the child's session as a whole. Under autogroup scheduling
	 * (most Linux distributions) each session is one CPU group, inside which alone nice
	 * levels count: a child niced in a session of its own would still get as much CPU as
	 * any other session. Where there is no such file the write fails, silently.
	 */
	static String sessionPriority(int niceness) {
		return "{ echo " + niceness + " > /proc/self/autogroup; } 2>/dev/null; ";
	}

	/**
	 * @param ownSession whether the child gets a session (and process group) of its own,
	 * so that a terminal's Ctrl-C reaches only the starting JVM
	 * @param stopWithParent whether the child gets SIGTERM when the starting JVM is gone
	 * @param niceness how much lower than the starting JVM's the child's CPU priority is
	 * (a nice increment, 0 for the same)
	 * @param onPath whether a program is on the PATH; a missing one is left out
	 */
	static List<String> of(List<String> command, boolean ownSession, boolean stopWithParent, int niceness,
			Predicate<String> onPath) {
		List<String> full = new ArrayList<>();
		boolean session = ownSession && onPath.test(SESSION);
		if (session) {
			full.add(SESSION);
		}
		boolean shell = onPath.test(SHELL);
		// Only a session of its own: the starting JVM's session holds the JVM itself.
		String script = (session && shell && niceness > 0) ? sessionPriority(niceness) : "";
		if (stopWithParent && shell) {
			script += WATCHDOG;
		}
		else if (!script.isEmpty()) {
			script += EXEC;
		}
		if (!script.isEmpty()) {
			full.addAll(List.of(SHELL, "-c", script, WATCHDOG_NAME));
		}
		if (niceness > 0 && onPath.test(NICE)) {
			full.addAll(List.of(NICE, "-n", Integer.toString(niceness)));
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
