package org.civiquiz.question;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("question")
record Question(@Id Long id, String bank, String code, short chapter, short article, String text, String[] options,
		short correctOption, String explanation, boolean active) {

}
