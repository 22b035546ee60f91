package dev.flowgate.infra.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service's boot jar, for {@link FakeServiceJar}: answers its readiness
 * endpoint on {@code FLOWGATE_PORT} and, with {@code FAKE_EXIT_AFTER_MS}, exits after
 * that long with {@code FAKE_EXIT_CODE}; {@code extract --destination DIR} (as
 * {@code -Djarmode=tools}) copies the jar there.
 */
final class FakeServiceMain {

	static final String EXIT_AFTER_MS = "FAKE_EXIT_AFTER_MS";

	static final String EXIT_CODE = "FAKE_EXIT_CODE";

	static final String CRASHING = "fake service crashing";

	private FakeServiceMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 3 && args[0].equals("extract")) {
			Path jar = Path.of(FakeServiceMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Files.createDirectories(Path.of(args[2]));
			Files.copy(jar, Path.of(args[2]).resolve(jar.getFileName()));
			return;
		}
		int port = Integer.parseInt(System.getenv("FLOWGATE_PORT"));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		System.out.println("fake service ready on " + port);
		String exitAfter = System.getenv(EXIT_AFTER_MS);
		if (exitAfter != null) {
			Thread.sleep(Long.parseLong(exitAfter));
			System.out.println(CRASHING);
			System.exit(Integer.parseInt(System.getenv().getOrDefault(EXIT_CODE, "3")));
		}
	}

}
