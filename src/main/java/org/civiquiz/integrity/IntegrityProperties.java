package org.civiquiz.integrity;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the cheating signals flag an attempt. Each threshold is where a signal starts; a
 * flag is for the committee to look at, not a verdict.
 *
 * @param tooFast submitted faster than a plausible reading time, with a high score
 * @param identicalAnswers one sequence of chosen positions shared by many participants
 * @param sharedNetwork many participants starting from one client IP in a short time
 * @param sharedDevice many participants starting from one browser (its device id) in a
 * short time
 * @param phoneManyNames one phone used with many names
 */
@Validated
@ConfigurationProperties("civiquiz.integrity")
public record IntegrityProperties(@DefaultValue @Valid @NotNull TooFast tooFast,
		@DefaultValue @Valid @NotNull IdenticalAnswers identicalAnswers,
		@DefaultValue @Valid @NotNull SharedNetwork sharedNetwork,
		@DefaultValue @Valid @NotNull SharedDevice sharedDevice,
		@DefaultValue @Valid @NotNull PhoneManyNames phoneManyNames) {

	/**
	 * A submitted attempt whose duration is below {@code perQuestion} times its number of
	 * questions (60 s for 20) and whose score is at least {@code minScorePercent} of them
	 * (15 of 20): a fast low score wins nothing.
	 *
	 * @param perQuestion the least plausible reading time of one question
	 * @param minScorePercent the least score that matters, in percent of the questions
	 */
	public record TooFast(@DefaultValue("3s") @NotNull Duration perQuestion,
			@DefaultValue("75") @Min(0) @Max(100) int minScorePercent) {
	}

	/**
	 * At least {@code participants} different participants whose submitted attempts chose
	 * the same displayed positions (A–D per question in the order shown), with at least
	 * {@code minAnswered} questions answered (a sequence of blanks says nothing).
	 *
	 * @param participants the least number of participants sharing a sequence
	 * @param minAnswered the least number of answered questions in the sequence
	 */
	public record IdenticalAnswers(@DefaultValue("3") @Min(2) int participants,
			@DefaultValue("1") @Min(1) int minAnswered) {
	}

	/**
	 * At least {@code participants} different participants starting attempts from one
	 * client IP within {@code window}. A school's computer room or a company behind one
	 * address is legitimate: hence a high default.
	 *
	 * @param participants the least number of participants
	 * @param window the time their starts fall in
	 */
	public record SharedNetwork(@DefaultValue("30") @Min(2) int participants,
			@DefaultValue("10m") @NotNull Duration window) {
	}

	/**
	 * At least {@code participants} different participants starting attempts from one
	 * browser (the device id it keeps) within {@code window}.
	 *
	 * @param participants the least number of participants
	 * @param window the time their starts fall in
	 */
	public record SharedDevice(@DefaultValue("3") @Min(2) int participants,
			@DefaultValue("60m") @NotNull Duration window) {
	}

	/**
	 * A participant (one phone per contest) whose attempts were started with at least
	 * {@code names} different names, compared without case, diacritics or punctuation
	 * ("Nguyen Van An" is "Nguyễn Văn An").
	 *
	 * @param names the least number of different names
	 */
	public record PhoneManyNames(@DefaultValue("3") @Min(2) int names) {
	}

}
