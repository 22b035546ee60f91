package dev.flowgate.internal;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads a whole-number parameter as its digits say. Spring's own reading takes
 * {@code 0x10} as 16, {@code #10} too, and a plus sign or blanks around the number; the
 * API documents a whole number, so anything else is a 400. An editor, not a converter:
 * Spring falls back to its lenient editor when a converter refuses.
 */
@ControllerAdvice
class WholeNumberParameters {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

	@InitBinder
	void readWholeNumbersStrictly(WebDataBinder binder) {
		binder.registerCustomEditor(Integer.class, new StrictInteger());
	}

	private static final class StrictInteger extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (!WHOLE_NUMBER.matcher(text).matches()) {
				throw new IllegalArgumentException("not a whole number: " + text);
			}
			setValue(Integer.valueOf(text));
		}

	}

}
