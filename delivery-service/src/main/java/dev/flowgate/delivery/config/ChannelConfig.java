package dev.flowgate.delivery.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

import dev.flowgate.delivery.domain.JsonWriter;
import dev.flowgate.delivery.domain.callback.CallbackChannel;
import dev.flowgate.delivery.domain.callback.DestinationBreakers;
import dev.flowgate.delivery.domain.callback.DisabledCallbackService;
import dev.flowgate.delivery.domain.callback.DisabledCallbacks;
import dev.flowgate.delivery.domain.callback.HttpPoster;
import dev.flowgate.delivery.domain.email.EmailChannel;
import dev.flowgate.delivery.domain.email.MailTransport;
import dev.flowgate.delivery.domain.owner.ErasedOwners;
import dev.flowgate.delivery.domain.signing.WebhookSecretStore;
import dev.flowgate.delivery.domain.signing.WebhookSecrets;
import dev.flowgate.delivery.persistence.SecretCipher;
import dev.flowgate.egress.AddressPolicy;
import dev.flowgate.egress.DestinationGuard;
import dev.flowgate.egress.HostResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the channels: signed callbacks behind the destination guard, and email. */
@Configuration(proxyBeanMethods = false)
class ChannelConfig {

	private static final Logger logger = LoggerFactory.getLogger(ChannelConfig.class);

	@Bean
	HostResolver hostResolver() {
		return HostResolver.SYSTEM;
	}

	@Bean
	DestinationGuard destinationGuard(HostResolver hostResolver, DeliveryProperties properties) {
		return new DestinationGuard(hostResolver, AddressPolicy.allowing(properties.guard().allowedCidrs()),
				"Callback host");
	}

	@Bean
	SecretCipher secretCipher(DeliveryProperties properties) {
		SecretCipher cipher = new SecretCipher(properties.secrets().encryptionKeys());
		if (!cipher.encrypts()) {
			logger.warn("Webhook signing secrets are stored unencrypted: "
					+ "set FLOWGATE_WEBHOOK_ENCRYPTION_KEYS (openssl rand -base64 32)");
		}
		return cipher;
	}

	@Bean
	WebhookSecrets webhookSecrets(WebhookSecretStore store, ErasedOwners erased, DeliveryProperties properties,
			Clock clock) {
		DeliveryProperties.Secrets secrets = properties.secrets();
		return new WebhookSecrets(store, new SecureRandom(), new WebhookSecrets.Settings(secrets.keyBytes(),
				secrets.defaultRotationOverlap(), secrets.maxRotationOverlap(), properties.callback().cacheTtl()),
				erased, clock);
	}

	@Bean
	CallbackChannel callbackChannel(JsonWriter json, WebhookSecrets secrets, HttpPoster poster,
			DestinationBreakers breakers, DisabledCallbackService disabled, ExecutorService deliveryWorkers,
			DeliveryProperties properties, Clock clock) {
		return new CallbackChannel(json, secrets, poster, breakers, disabled, deliveryWorkers,
				properties.secrets().unreadableRetry(), properties.retry().afterError(), clock);
	}

	@Bean
	EmailChannel emailChannel(JsonWriter json, MailTransport transport, ExecutorService deliveryWorkers,
			DeliveryProperties properties, Clock clock) {
		return new EmailChannel(json, transport, properties.callback().maxPayloadSize().toBytes(), deliveryWorkers,
				clock);
	}

	@Bean
	DisabledCallbackService disabledCallbackService(DisabledCallbacks disabled, ErasedOwners erased,
			DeliveryProperties properties, Clock clock) {
		return new DisabledCallbackService(disabled, erased, properties.callback().cacheTtl(), clock);
	}

}
