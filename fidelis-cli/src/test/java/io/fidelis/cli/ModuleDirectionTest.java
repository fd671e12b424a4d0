package io.fidelis.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleDirectionTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fidelis");

    @Test
    void coreDependsOnNoOuterModule() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.fidelis.store..",
                        "io.fidelis.generator..",
                        "io.fidelis.predict..",
                        "io.fidelis.cli..",
                        "io.fidelis.service..",
                        "io.fidelis.spark..")
                .check(ALL);
    }

    @Test
    void predictionModelsDoNotKnowTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.predict..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.cli..", "picocli..")
                .check(ALL);
    }

    @Test
    void sharedSqlKnowsNeitherDatabase() {
        // io.fidelis.store.sql serves DuckDB and PostgreSQL alike: each store depends on it, never the reverse
        noClasses()
                .that()
                .resideInAnyPackage("io.fidelis.store.sql..", "io.fidelis.store.jdbc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.store.duckdb..", "io.fidelis.store.postgres..", "org.duckdb..")
                .check(ALL);
    }

    @Test
    void storeAndGeneratorDoNotKnowTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage("io.fidelis.store..", "io.fidelis.generator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.cli..", "picocli..")
                .check(ALL);
    }

    @Test
    void storeAndGeneratorAreIndependent() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fidelis.generator..")
                .check(ALL);
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.generator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fidelis.store..")
                .check(ALL);
    }
}
