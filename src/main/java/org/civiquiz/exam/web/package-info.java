/**
 * The exam's HTTP endpoints: starts, saves, submissions and views for participants, the
 * read models' rebuild for organizers. Inside the exam feature.
 */
package org.civiquiz.exam.web;
