/**
 * The attempts' events, made and told to every listener in one place, and the exam's
 * metrics. Inside the exam feature.
 */
package org.civiquiz.exam.events;
