package dev.flowgate.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code server.properties} of a single-node KRaft broker on 127.0.0.1. */
final class BrokerConfig {

	// Fewer internal partitions than the default 50: a one-node dev broker, faster to
	// start.
	private static final String INTERNAL_PARTITIONS = "5";

	private BrokerConfig() {
	}

	static String render(int port, int controllerPort, Path logDir) {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("process.roles", "broker,controller");
		config.put("node.id", "1");
		config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		config.put("controller.listener.names", "CONTROLLER");
		config.put("inter.broker.listener.name", "PLAINTEXT");
		config.put("log.dirs", logDir.toAbsolutePath().toString());
		config.put("num.partitions", "1");
		config.put("offsets.topic.replication.factor", "1");
		config.put("offsets.topic.num.partitions", INTERNAL_PARTITIONS);
		config.put("transaction.state.log.replication.factor", "1");
		config.put("transaction.state.log.min.isr", "1");
		config.put("transaction.state.log.num.partitions", INTERNAL_PARTITIONS);
		config.put("share.coordinator.state.topic.replication.factor", "1");
		config.put("share.coordinator.state.topic.min.isr", "1");
		config.put("group.initial.rebalance.delay.ms", "0");
		StringBuilder text = new StringBuilder("# Written by dev.flowgate.infra.KafkaBroker\n");
		config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

}
