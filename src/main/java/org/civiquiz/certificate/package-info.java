/**
 * Certificates (giấy chứng nhận): a contest that offers them issues one per person to
 * each participant whose best score reaches the contest's minimum, or who holds a prize,
 * once the contest is over (a winner once their list is finalized). Each is a one-page
 * PDF with a verification code and a QR code pointing at the public verification page;
 * the code verifies until the attempt it rests on is excluded by the committee or a newer
 * certificate replaces it.
 */
package org.civiquiz.certificate;
