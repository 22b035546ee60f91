package dev.flowgate.system.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Searches every process log of a run for secrets. Findings name the secret and the file,
 * never the secret's value, so a failing scan does not leak it into the build log.
 */
final class LogScan {

	/**
	 * The shape of a Flowgate key (docs/api/key-service.md): {@code sk-}, 43 base64url
	 * characters, 6 of checksum.
	 */
	private static final Pattern API_KEY = Pattern
		.compile("(?<![A-Za-z0-9_-])sk-([A-Za-z0-9_-]{43})([A-Za-z0-9_-]{6})(?![A-Za-z0-9_-])");

	/** A Standard Webhooks secret: {@code whsec_} and base64 of 32 bytes. */
	private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]{43}=");

	private final List<Log> logs;

	private LogScan(List<Log> logs) {
		this.logs = logs;
	}

	/** Reads every file under {@code logDir}. */
	static LogScan of(Path logDir) {
		try (Stream<Path> files = Files.walk(logDir)) {
			List<Log> logs = new ArrayList<>();
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				logs.add(new Log(logDir.relativize(file).toString(),
						new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
			}
			return new LogScan(logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> files() {
		return this.logs.stream().map(Log::name).toList();
	}

	/** {@code "<label> in <file>"} for every secret found in a log. */
	List<String> findings(Map<String, String> secretsByLabel) {
		List<String> findings = new ArrayList<>();
		for (Log log : this.logs) {
			secretsByLabel.forEach((label, secret) -> {
				if (log.text().contains(secret)) {
					findings.add(label + " in " + log.name());
				}
			});
		}
		return findings;
	}

	/**
	 * {@code "<kind> in <file>"} for anything that is shaped like a key (checksum
	 * included) or a webhook secret, whoever issued it.
	 */
	List<String> secretShapedFindings() {
		List<String> findings = new ArrayList<>();
		for (Log log : this.logs) {
			Matcher key = API_KEY.matcher(log.text());
			while (key.find()) {
				if (key.group(2).equals(checksum(key.group(1)))) {
					findings.add("a well-formed API key in " + log.name());
				}
			}
			if (WEBHOOK_SECRET.matcher(log.text()).find()) {
				findings.add("a webhook secret in " + log.name());
			}
		}
		return findings;
	}

	private static String checksum(String body) {
		CRC32 crc = new CRC32();
		crc.update(body.getBytes(StandardCharsets.US_ASCII));
		byte[] bytes = ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue()).array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private record Log(String name, String text) {
	}

}
