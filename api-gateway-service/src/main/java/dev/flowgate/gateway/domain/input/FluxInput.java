package dev.flowgate.gateway.domain.input;

/**
 * One entry of FluxPrompt's {@code variableInputs}.
 *
 * @param inputId the input node's id
 * @param inputText the value as text, or {@code null}
 */
public record FluxInput(String inputId, String inputText) {
}
