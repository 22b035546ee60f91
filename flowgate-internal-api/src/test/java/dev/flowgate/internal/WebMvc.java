package dev.flowgate.internal;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC as a service has it (static resources served under {@code /static/}, as
 * Spring Boot serves them under {@code /}; bodies read strictly), and a call to it
 * through MockMvc.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebMvc
class WebMvc implements WebMvcConfigurer {

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.replaceAll((converter) -> (converter instanceof JacksonJsonHttpMessageConverter)
				? new JacksonJsonHttpMessageConverter(StrictBodies.apply(JsonMapper.builder())) : converter);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/");
	}

	static MvcResult call(WebApplicationContext context, MockHttpServletRequestBuilder request) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		return mvc.perform(request).andReturn();
	}

}
