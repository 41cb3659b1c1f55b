/**
 * Answers saved while an attempt is open, and the attempts whose time ran out finished
 * from their last save (or expired) by the sweep or the next request. Inside the exam
 * feature.
 */
package org.civiquiz.exam.autosave;
