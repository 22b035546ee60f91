package dev.flowgate.gateway.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.flowgate.gateway.GatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/** One gateway replica: a full application context on its own random port. */
public final class GatewayApp implements AutoCloseable {

	public static final String ADMIN_SECRET = "test-admin-secret-of-32-characters";

	public static final String INTERNAL_TOKEN = "test-internal-token";

	private final ConfigurableApplicationContext context;

	private final String instanceId;

	private GatewayApp(ConfigurableApplicationContext context, String instanceId) {
		this.context = context;
		this.instanceId = instanceId;
	}

	/** Starts a replica and waits until its readiness probe is UP. */
	public static GatewayApp start(String instanceId, String keyService, String deploymentService,
			String deliveryService, Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", 0);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.org.apache.kafka", "warn");
		properties.put("flowgate.gateway.instance-id", instanceId);
		properties.put("flowgate.gateway.admin-secret", ADMIN_SECRET);
		properties.put("flowgate.internal-token", INTERNAL_TOKEN);
		properties.put("flowgate.gateway.upstreams.key-service", keyService);
		properties.put("flowgate.gateway.upstreams.deployment-service", deploymentService);
		properties.put("flowgate.gateway.upstreams.delivery-service", deliveryService);
		properties.put("flowgate.gateway.rejections.flush-interval", "200ms");
		properties.putAll(extra);
		// As arguments: they must win over application.yml (server.port: 8080).
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
		GatewayApp app = new GatewayApp(context, instanceId);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Http.get(app.managementUrl("/actuator/health/readiness"), Map.of()).status() == 200);
		return app;
	}

	public String instanceId() {
		return this.instanceId;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port") + path;
	}

	/** On the management port where one is set, else on the server's. */
	public String managementUrl(String path) {
		String port = this.context.getEnvironment().getProperty("local.management.port");
		return (port != null) ? "http://127.0.0.1:" + port + path : url(path);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public <T> T bean(String name, Class<T> type) {
		return this.context.getBean(name, type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
