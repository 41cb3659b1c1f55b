package org.civiquiz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CiviquizApplication {

	public static void main(String[] args) {
		SpringApplication.run(CiviquizApplication.class, args);
	}

}
