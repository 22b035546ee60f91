package dev.flowgate.deployments.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared with the other services.
 *
 * @param publicUrl the base URL clients reach the gateway at, used in generated endpoints
 * and examples
 */
@ConfigurationProperties("flowgate")
public record FlowgateProperties(@DefaultValue("http://localhost:8080") URI publicUrl) {

	/** The public URL without a trailing slash. */
	public String publicBase() {
		String url = this.publicUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
