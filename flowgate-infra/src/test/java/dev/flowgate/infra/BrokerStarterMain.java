package dev.flowgate.infra;

import java.nio.file.Path;

/**
 * A JVM that starts a broker bound to its own life, for {@link KafkaBrokerLifecycleTest}.
 */
final class BrokerStarterMain {

	private BrokerStarterMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		KafkaBroker broker = KafkaBroker.builder(Path.of(args[0])).stopWithParent(true).build().start();
		System.out.println("broker-pid=" + broker.pid());
		Thread.sleep(Long.MAX_VALUE);
	}

}
