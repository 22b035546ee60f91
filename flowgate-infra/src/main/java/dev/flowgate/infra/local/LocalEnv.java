package dev.flowgate.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code run/local.env}: what scripts source to talk to the local stack, and the secrets
 * the stack keeps across restarts. It is git-ignored and readable by its owner only.
 */
public final class LocalEnv {

	public static final String URL = "FLOWGATE_URL";

	public static final String API_KEY = "FLOWGATE_API_KEY";

	public static final String ADMIN_SECRET = "FLOWGATE_ADMIN_SECRET";

	public static final String OWNER_ID = "FLOWGATE_OWNER_ID";

	public static final String INTERNAL_TOKEN = "FLOWGATE_INTERNAL_TOKEN";

	public static final String WEBHOOK_ENCRYPTION_KEYS = "FLOWGATE_WEBHOOK_ENCRYPTION_KEYS";

	private static final String EXPORT = "export ";

	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final String TEMP_SUFFIX = ".tmp";

	private final Path file;

	private final Map<String, String> values;

	private LocalEnv(Path file, Map<String, String> values) {
		this.file = file;
		this.values = values;
	}

	/** Reads the file if it exists, and makes the secrets it lacks. */
	public static LocalEnv load(Path file) {
		Map<String, String> values = new LinkedHashMap<>();
		if (Files.exists(file)) {
			try {
				for (String line : Files.readAllLines(file)) {
					String assignment = line.strip();
					if (assignment.startsWith(EXPORT)) {
						assignment = assignment.substring(EXPORT.length());
					}
					int eq = assignment.indexOf('=');
					if (!assignment.startsWith("#") && eq > 0) {
						values.put(assignment.substring(0, eq).strip(), unquote(assignment.substring(eq + 1).strip()));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		values.computeIfAbsent(ADMIN_SECRET, (k) -> newSecret());
		values.computeIfAbsent(INTERNAL_TOKEN, (k) -> newSecret());
		// delivery-service reads an AES-256 key as standard base64.
		values.computeIfAbsent(WEBHOOK_ENCRYPTION_KEYS, (k) -> Base64.getEncoder().encodeToString(randomBytes()));
		return new LocalEnv(file, values);
	}

	public String get(String name) {
		return this.values.get(name);
	}

	public LocalEnv set(String name, String value) {
		this.values.put(name, value);
		return this;
	}

	/**
	 * Writes the file: a new file readable by its owner only from its creation on, which
	 * then replaces the old one, so the secrets are never readable by others, not even
	 * for a moment.
	 */
	public void save() {
		StringBuilder text = new StringBuilder("# Written by ./flowgate up. Source it: . run/local.env\n");
		this.values.forEach((k, v) -> text.append(EXPORT).append(k).append("='").append(v).append("'\n"));
		try {
			Path dir = this.file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path written = ownerOnlyTempFile(dir);
			try {
				Files.writeString(written, text);
				Files.move(written, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(written);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path ownerOnlyTempFile(Path dir) throws IOException {
		String prefix = "." + this.file.getFileName();
		try {
			return Files.createTempFile(dir, prefix, TEMP_SUFFIX, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (UnsupportedOperationException ex) {
			return Files.createTempFile(dir, prefix, TEMP_SUFFIX); // no POSIX permissions
																	// here
		}
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("'") && value.endsWith("'"))
				? value.substring(1, value.length() - 1) : value;
	}

	private static String newSecret() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[SECRET_BYTES];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
