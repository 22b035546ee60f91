package dev.flowgate.infra.local;

import java.util.Map;

import dev.flowgate.infra.CapturedStderr;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportedSettingsTest {

	@Test
	void picksOnlyTheLocalRunsDefaultsAUserMayReplace() {
		Map<String, String> picked = ExportedSettings.pick(Map.of("FLOWGATE_RUNNER_ALLOWED_CIDRS", "192.168.0.0/16",
				"FLOWGATE_PUBLIC_URL", "https://flowgate.example", "FLOWGATE_PORT", "9999", "FLOWGATE_ADMIN_SECRET",
				"stale", "FLOWGATE_MONGODB_URI", "mongodb://elsewhere", "PATH", "/bin"));

		assertThat(picked).containsOnly(Map.entry("FLOWGATE_RUNNER_ALLOWED_CIDRS", "192.168.0.0/16"),
				Map.entry("FLOWGATE_PUBLIC_URL", "https://flowgate.example"));
	}

	@Test
	void skipsAnEmptyValue() {
		assertThat(ExportedSettings.pick(Map.of("FLOWGATE_SMTP_PORT", "", "FLOWGATE_SMTP_HOST", " "))).isEmpty();
	}

	@Test
	void logsEachSettingItReplaces() {
		try (CapturedStderr err = CapturedStderr.start()) {
			ExportedSettings.pick(Map.of("FLOWGATE_SMTP_HOST", "smtp.example.com", "FLOWGATE_SMTP_PORT", "587"));

			assertThat(err.text()).contains("FLOWGATE_SMTP_HOST=smtp.example.com from your environment")
				.contains("FLOWGATE_SMTP_PORT=587 from your environment");
		}
	}

	@Test
	void showsNoValueOfASecretLikeSetting() {
		for (String name : new String[] { "FLOWGATE_SMTP_PASSWORD", "FLOWGATE_LLM_API_KEY", "FLOWGATE_ADMIN_SECRET",
				"FLOWGATE_INTERNAL_TOKEN" }) {
			assertThat(ExportedSettings.shown(name, "hunter2")).startsWith(name).doesNotContain("hunter2");
		}
		assertThat(ExportedSettings.shown("FLOWGATE_SMTP_HOST", "smtp.example.com"))
			.isEqualTo("FLOWGATE_SMTP_HOST=smtp.example.com");
	}

}
