package io.fidelis.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service is one of the modules around the core: it uses core and store, and knows no other entry point. */
class ServiceDirectionTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fidelis");

    @Test
    void serviceKnowsNeitherTheCommandLineNorSpark() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.service..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.cli..", "io.fidelis.spark..", "org.apache.spark..", "picocli..")
                .check(ALL);
    }

    @Test
    void coreAndStoreDoNotKnowTheService() {
        noClasses()
                .that()
                .resideInAnyPackage("io.fidelis.core..", "io.fidelis.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.service..", "org.springframework..")
                .check(ALL);
    }
}
