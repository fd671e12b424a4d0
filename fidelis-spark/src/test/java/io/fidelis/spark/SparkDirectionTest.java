package io.fidelis.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Spark job is one of the modules around the core: the same core code, no other entry point. */
class SparkDirectionTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fidelis");

    @Test
    void sparkJobKnowsNeitherTheCommandLineNorTheService() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.cli..", "io.fidelis.service..", "org.springframework..", "picocli..")
                .check(ALL);
    }

    @Test
    void coreAndStoreDoNotKnowSpark() {
        noClasses()
                .that()
                .resideInAnyPackage("io.fidelis.core..", "io.fidelis.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.spark..", "org.apache.spark..", "scala..")
                .check(ALL);
    }
}
