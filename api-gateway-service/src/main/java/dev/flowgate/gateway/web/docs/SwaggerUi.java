package dev.flowgate.gateway.web.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Swagger UI at {@code /docs/}, from the swagger-ui webjar, showing
 * {@code /openapi.yaml}. Only the webjar's own files are served (static resources are
 * otherwise off), with our {@code swagger-initializer.js} in place of its demo one.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUi implements WebMvcConfigurer {

	static final String PATH = "/docs";

	private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

	private static final Duration WEBJAR_CACHE = Duration.ofDays(1);

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// A variable, not a literal path: the file name must remain the path within the
		// mapping.
		registry.addResourceHandler(PATH + "/{file:swagger-initializer\\.js}").addResourceLocations("classpath:/docs/");
		registry.addResourceHandler(PATH + "/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/")
			.setCacheControl(CacheControl.maxAge(WEBJAR_CACHE));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController(PATH, PATH + "/index.html");
		registry.addRedirectViewController(PATH + "/", PATH + "/index.html");
	}

	/** The webjar keeps its files under its version; its pom.properties names it. */
	private static String webjarVersion() {
		Properties pom = new Properties();
		try (InputStream in = new ClassPathResource(WEBJAR_POM).getInputStream()) {
			pom.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The swagger-ui webjar is not on the classpath", ex);
		}
		return pom.getProperty("version");
	}

}
