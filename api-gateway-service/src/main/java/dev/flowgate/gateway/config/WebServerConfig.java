package dev.flowgate.gateway.config;

import java.util.List;

import dev.flowgate.gateway.web.error.CompatibleErrors;
import dev.flowgate.gateway.web.error.ProblemErrorReportValve;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Tomcat answers the errors it raises itself with problem details too (in the compatible
 * APIs' shapes on their paths, with the CORS headers for an allowed origin), and refuses
 * the request targets the Servlet specification calls suspicious.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfig {

	/**
	 * {@code /v1/..;/actuator/prometheus} passes a proxy's {@code /v1} rule, and Tomcat,
	 * dropping the path parameter, would serve the actuator behind it: such targets (dot
	 * segments with parameters, encoded slashes and dots) are a 400 instead.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> suspiciousTargetsRefused() {
		return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setRejectSuspiciousURIs(true));
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(GatewayProperties properties,
			List<CompatibleErrors> compatibleApis, JsonMapper json) {
		CorsConfiguration cors = CorsConfig.rules(properties).orElse(null);
		return (factory) -> factory
			.addContextCustomizers((context) -> context.getParent().addLifecycleListener((event) -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
						&& event.getLifecycle() instanceof StandardHost host) {
					useProblemErrorReports(host, new ProblemErrorReportValve(cors, compatibleApis, json,
							properties.maxBodySize().toBytes()));
				}
			}));
	}

	private static void useProblemErrorReports(StandardHost host, ProblemErrorReportValve problemReports) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		// The host adds a valve of this class when it starts unless it has one already.
		host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
		host.getPipeline().addValve(problemReports);
	}

}
