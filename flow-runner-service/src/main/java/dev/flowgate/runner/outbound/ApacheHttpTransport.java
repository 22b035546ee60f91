package dev.flowgate.runner.outbound;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

import dev.flowgate.egress.EgressClients;
import dev.flowgate.runner.domain.node.http.HttpReply;
import dev.flowgate.runner.domain.node.http.HttpTransport;
import dev.flowgate.runner.domain.node.http.OutboundRequest;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Node requests over Apache HttpClient 5's async client, which connects to an address it
 * is given while keeping the host's name (the JDK client looks the name up again, where a
 * rebinding nameserver can answer with an address the guard never saw). The egress
 * defaults ({@link EgressClients}); a node's timeout, not the client, bounds how long a
 * response may take.
 */
public final class ApacheHttpTransport implements HttpTransport, AutoCloseable {

	private final CloseableHttpAsyncClient client;

	private final Duration connectTimeout;

	private final Executor completions;

	/**
	 * @param tls whom to trust: the JVM's default context ({@code javax.net.ssl.*}
	 * properties) as the JDK's client did; certificates are checked against the host's
	 * name, whatever address the connection goes to
	 * @param completions where replies complete, and the nodes' work on them runs
	 */
	public ApacheHttpTransport(PoolSettings pool, SSLContext tls, Executor completions) {
		this.connectTimeout = pool.connectTimeout();
		this.completions = completions;
		PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
			.setMaxConnTotal(pool.maxConnections())
			.setMaxConnPerRoute(pool.maxConnectionsPerHost())
			.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildAsync())
			// HTTP/1.1 over TLS too, the protocol the runner is tested with; every
			// OpenAI-compatible server speaks it.
			.setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(this.connectTimeout))
				.setSocketTimeout(Timeout.DISABLED)
				.build())
			.build();
		this.client = ExchangeAbort.installedIn(EgressClients.builder(pool.maxIdle()))
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setConnectionRequestTimeout(Timeout.DISABLED)
				.setResponseTimeout(Timeout.DISABLED)
				.build())
			.build();
		this.client.start();
	}

	@Override
	public CompletableFuture<HttpReply> send(OutboundRequest request, List<InetAddress> addresses, long maxBytes) {
		return new PinnedExchange(this.client, request, addresses, maxBytes, this.connectTimeout, this.completions)
			.start();
	}

	@Override
	public void close() {
		// Graceful: an immediate close races httpcore5's I/O threads.
		this.client.close(CloseMode.GRACEFUL);
	}

}
