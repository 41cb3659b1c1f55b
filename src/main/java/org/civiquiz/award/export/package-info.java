/**
 * A winners list's canonical CSV (and its SHA-256) and the files made from it: CSV and
 * XLSX. Inside the award feature.
 */
package org.civiquiz.award.export;
