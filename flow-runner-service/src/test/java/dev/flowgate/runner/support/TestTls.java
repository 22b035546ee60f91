package dev.flowgate.runner.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for one host name, made by the JDK's {@code keytool}: a
 * server context that presents it, and a client context that trusts it alone.
 */
public final class TestTls {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private final KeyStore store;

	private TestTls(KeyStore store) {
		this.store = store;
	}

	public static TestTls forHost(String host) {
		try {
			Path file = Files.createTempDirectory("flowgate-tls").resolve("test.p12");
			Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
			Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "test", "-keyalg",
					"RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host,
					"-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD),
					"-keypass", new String(PASSWORD)))
				.redirectErrorStream(true)
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(
						"keytool failed: " + new String(process.getInputStream().readAllBytes()));
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(file)) {
				store.load(in, PASSWORD);
			}
			return new TestTls(store);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(this.store, PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public SSLContext clientContext() {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(this.store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
