package org.civiquiz.question;

import java.util.List;

/**
 * A question drawn for an attempt, with the order in which its options are shown.
 *
 * @param question the question
 * @param optionOrder option ids (1..4) in the order shown
 */
public record DrawnQuestion(BankQuestion question, List<Integer> optionOrder) {

}
